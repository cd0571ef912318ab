// Package store defines where bilat keeps documents, mentions and fused
// engagements. Each backend (store/sqlite, later store/postgres) implements
// Store and runs the shared suite in store/storetest.
package store

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"bilat/internal/engagement"
)

// Store keeps documents and the engagements fused from their mentions.
type Store interface {
	// Put saves each document atomically with its mentions and updates fusion
	// in the same transaction. Several documents share one transaction for
	// speed, but a document is never half-stored: a crash, a SIGKILL or a
	// cancelled ctx leaves each document either fully stored (document +
	// mentions + fused engagements) or absent.
	//
	// A document whose URL is already stored with the same content hash, or
	// whose content hash is already stored (any URL), is Unchanged and changes
	// nothing. A document with a known URL and a different hash Replaces the
	// old one: its old mentions leave their engagements (rebuilt from their
	// remaining reports, deleted when none remain), then the new ones are fused.
	//
	// The outcomes are index-aligned with items. A document that fails on its
	// own (a constraint error) has outcome Failed, the others are stored, and
	// the error is a *PutError naming each failed index. Any other error (a
	// cancelled ctx, an I/O error) stops Put: the documents of the transaction
	// in progress and of later ones are NotStored, the earlier ones keep their
	// outcomes, and the error is returned (joined with a *PutError when
	// earlier documents failed alone).
	Put(ctx context.Context, items []Item) ([]Outcome, error)
	// Engagements returns fused engagements with all their sources, ordered
	// by date (unknown dates last), then id.
	Engagements(ctx context.Context, f Filter) ([]engagement.Engagement, error)
	// Records is Engagements without the sources: the same engagements in
	// the same order, each with an empty Sources, and in n how many sources
	// each has. The timeline and the analysis need no evidence, and reading
	// it is most of the cost of Engagements.
	Records(ctx context.Context, f Filter) (es []engagement.Engagement, n []int, err error)
	// Engagement returns one engagement; ErrNotFound when there is none.
	Engagement(ctx context.Context, id int64) (engagement.Engagement, error)
	// Stats counts what is stored.
	Stats(ctx context.Context) (Stats, error)

	// The aggregates below answer in the store what a caller could compute
	// from Engagements, with the same result (PairsOf, ActorsOf and the
	// Encounters contract say what), without loading every engagement.

	// Pairs counts the engagements of every pair of countries, as PairsOf
	// over all engagements.
	Pairs(ctx context.Context) ([]PairCount, error)
	// Actors is ActorsOf over the engagements f selects, with only the
	// maxLinks strongest links (all of them when maxLinks <= 0): a prefix
	// of ActorsOf's links. nLinks is how many links there are in all.
	Actors(ctx context.Context, f Filter, maxLinks int) (actors []Actor, links []Link, nLinks int, err error)
	// Encounters returns the engagements f selects that place one of the
	// sightings' people somewhere on its day: occurred visits, and occurred
	// in-person engagements with a location, dated to the day, with a
	// participant whose name equals the person's up to case and whose date
	// range covers the day. Ordered as Engagements, without their sources
	// (as Records). It finds the visits and meetings behind a co-located
	// call without loading every engagement of both countries.
	Encounters(ctx context.Context, f Filter, at []Sighting) ([]engagement.Engagement, error)
	Close() error
}

// Item is one document with the mentions the extractor found in it.
type Item struct {
	Doc      engagement.Document
	Mentions []engagement.Mention
}

// Outcome is what Put did with one document.
type Outcome int

const (
	// NotStored: Put stopped (cancelled ctx, I/O error) before this
	// document's transaction committed; nothing of it is stored.
	NotStored Outcome = iota
	New
	Unchanged
	Replaced
	// Failed: this document alone was rejected (see PutError); nothing of it
	// is stored, the rest of its transaction is.
	Failed
)

func (o Outcome) String() string {
	switch o {
	case NotStored:
		return "not stored"
	case New:
		return "new"
	case Unchanged:
		return "unchanged"
	case Replaced:
		return "replaced"
	case Failed:
		return "failed"
	}
	return fmt.Sprintf("Outcome(%d)", int(o))
}

// DocError is the failure of one document of a Put.
type DocError struct {
	Index int    // index in Put's items
	Path  string // the document's path or URL, to report it by name
	Err   error
}

func (e DocError) Error() string {
	name := e.Path
	if name == "" {
		name = fmt.Sprintf("#%d", e.Index)
	}
	return fmt.Sprintf("document %s: %v", name, e.Err)
}

func (e DocError) Unwrap() error { return e.Err }

// PutError lists the documents of a Put that failed on their own; every
// document not listed was stored (or found unchanged).
type PutError struct {
	Docs []DocError
}

func (e *PutError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "store: %d document(s) failed", len(e.Docs))
	for i, d := range e.Docs {
		if i == 3 {
			fmt.Fprintf(&b, "; …")
			break
		}
		b.WriteString("; ")
		b.WriteString(d.Error())
	}
	return b.String()
}

func (e *PutError) Unwrap() []error {
	out := make([]error, len(e.Docs))
	for i, d := range e.Docs {
		out[i] = d
	}
	return out
}

// Filter selects engagements. Zero fields select everything.
type Filter struct {
	// Pair: both ISO3 codes among the engagement's countries (participants'
	// countries and host country).
	Pair    [2]string
	Country string
	Kind    engagement.Kind
	Mode    engagement.Mode
	Status  engagement.Status
	// Actor: a participant whose name contains this, case-insensitively.
	Actor string
	// From, To: engagements whose date range (at any precision) can fall in
	// [From, To]; unknown dates are excluded when either is set.
	From, To engagement.Date
	// Query: full-text search over the sources' evidence. Words are matched
	// as plain terms (all of them must occur), not as FTS syntax.
	Query         string
	Limit, Offset int // Limit 0 = all
}

// Sighting is a person on a day (at day precision).
type Sighting struct {
	Name string
	Day  engagement.Date
}

// Stats counts what a store holds.
type Stats struct {
	Documents   int64 `json:"documents"`
	Mentions    int64 `json:"mentions"`
	Engagements int64 `json:"engagements"`
}

// ErrNotFound is returned for an id that is not stored.
var ErrNotFound = errors.New("not found")
