package ingest

import (
	"bytes"
	"fmt"
	"strings"
	"unicode"

	"github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"bilat/internal/engagement"
)

// parseHTML extracts the main text and metadata of a page into doc. Fields
// already set in doc (from a JSONL line) win over what the page says.
func parseHTML(doc *engagement.Document, data []byte) error {
	if err := checkText(data); err != nil {
		return err
	}
	if isBlank(data) {
		return ErrEmpty
	}
	root, err := html.Parse(bytes.NewReader(bytes.TrimPrefix(data, bom)))
	if err != nil {
		return because(ErrNoArticle, "the HTML page cannot be parsed: %v", err)
	}
	own := pageMeta(root)
	// trafilatura falls back to the whole body when it finds no article, so
	// a page of links and menus would come back as "text"; refuse it first.
	if own.words < minArticleWords {
		return ErrNoArticle
	}
	res, err := extract(root)
	if err != nil || res == nil || res.ContentNode == nil {
		return ErrNoArticle
	}
	// The input was UTF-8; this only guards against the extractor.
	text := strings.ToValidUTF8(blockText(res.ContentNode), "\uFFFD")
	if strings.TrimSpace(text) == "" {
		return ErrNoArticle
	}

	m := res.Metadata
	doc.URL = first(doc.URL, m.URL, own.url)
	doc.Title = first(doc.Title, cleanTitle(m.Title), cleanTitle(own.title))
	doc.Outlet = first(doc.Outlet, strings.TrimSpace(m.Sitename))
	doc.Author = first(doc.Author, strings.TrimSpace(m.Author))
	if doc.Published.IsZero() {
		if !m.Date.IsZero() {
			doc.Published = engagement.Date{Year: m.Date.Year(), Month: int(m.Date.Month()), Day: m.Date.Day()}
		} else {
			for _, s := range own.dates {
				if d, err := parseDate(s); err == nil && !d.IsZero() {
					doc.Published = d
					break
				}
			}
		}
	}
	return finish(doc, text)
}

// extract runs trafilatura, turning a panic in it into an error: no page
// may stop the reading.
func extract(root *html.Node) (res *trafilatura.ExtractResult, err error) {
	defer func() {
		if r := recover(); r != nil {
			res, err = nil, fmt.Errorf("extractor panic: %v", r)
		}
	}()
	return trafilatura.ExtractDocument(root, trafilatura.Options{
		EnableFallback:  true,
		ExcludeComments: true,
		// The date comes from the page's metadata; Extensive mode scans the
		// whole page with many regular expressions and is far slower.
		HtmlDateMode: trafilatura.Fast,
	})
}

func first(s ...string) string {
	for _, v := range s {
		if v != "" {
			return v
		}
	}
	return ""
}

// minArticleWords is the fewest words outside links and page furniture
// that a page needs to have an article at all.
const minArticleWords = 12

// ownMeta is what pageMeta reads itself, for when trafilatura finds nothing.
type ownMeta struct {
	url, title string
	dates      []string // in order of trust
	words      int      // words in the body outside links and furniture
}

// furnitureTags hold no article text of their own.
var furnitureTags = map[atom.Atom]bool{
	atom.A: true, atom.Nav: true, atom.Header: true, atom.Footer: true, atom.Aside: true,
	atom.Form: true, atom.Button: true, atom.Select: true, atom.Label: true, atom.Option: true,
	atom.Head: true, atom.Title: true, atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
}

func countWords(s string) int {
	n, in := 0, false
	for _, r := range s {
		if unicode.IsSpace(r) {
			in = false
		} else if !in {
			in = true
			n++
		}
	}
	return n
}

func pageMeta(root *html.Node) ownMeta {
	var canonical, ogURL, title, published, metaDate, timeDate string
	words, furniture := 0, 0
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode && furniture == 0 {
			words += countWords(n.Data)
		}
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Link:
				if hasToken(attr(n, "rel"), "canonical") && canonical == "" {
					canonical = attr(n, "href")
				}
			case atom.Meta:
				key := strings.ToLower(first(attr(n, "property"), attr(n, "name"), attr(n, "itemprop")))
				content := strings.TrimSpace(attr(n, "content"))
				switch {
				case content == "":
				case key == "og:url" && ogURL == "":
					ogURL = content
				case (key == "article:published_time" || key == "datepublished") && published == "":
					published = content
				case key == "date" && metaDate == "":
					metaDate = content
				}
			case atom.Title:
				if title == "" && n.FirstChild != nil && n.FirstChild.Type == html.TextNode {
					title = n.FirstChild.Data
				}
			case atom.Time:
				if timeDate == "" {
					timeDate = attr(n, "datetime")
				}
			case atom.Script, atom.Style, atom.Template:
				return
			}
		}
		f := n.Type == html.ElementNode && furnitureTags[n.DataAtom]
		if f {
			furniture++
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if f {
			furniture--
		}
	}
	walk(root)
	return ownMeta{
		url:   strings.TrimSpace(first(canonical, ogURL)),
		title: title,
		dates: []string{published, metaDate, timeDate},
		words: words,
	}
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Namespace == "" && strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}

func hasToken(list, tok string) bool {
	for _, f := range strings.Fields(list) {
		if strings.EqualFold(f, tok) {
			return true
		}
	}
	return false
}

// blockTags start a new paragraph; everything else is inline.
var blockTags = map[string]bool{
	"p": true, "div": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"li": true, "dt": true, "dd": true, "ul": true, "ol": true, "dl": true, "list": true, "item": true,
	"blockquote": true, "quote": true, "pre": true, "table": true, "tr": true, "row": true,
	"section": true, "article": true, "main": true, "header": true, "footer": true, "aside": true,
	"figure": true, "figcaption": true, "summary": true, "details": true, "address": true,
	"hr": true, "head": true, "body": true, "caption": true, "center": true,
}

// skipTags never hold article text.
var skipTags = map[string]bool{
	"script": true, "style": true, "noscript": true, "template": true, "svg": true,
	"iframe": true, "object": true, "button": true, "select": true, "textarea": true, "title": true,
}

// blockText writes the extracted content as paragraphs separated by a
// blank line, a <br> as a line break; white space inside a paragraph is
// folded as a browser would, except in <pre>.
func blockText(root *html.Node) string {
	var paras []string
	var cur strings.Builder
	pre := 0
	flush := func() {
		s := cur.String()
		cur.Reset()
		if pre > 0 {
			s = strings.Trim(s, "\n")
			if strings.TrimSpace(s) != "" {
				paras = append(paras, strings.TrimRight(s, " \t\n"))
			}
			return
		}
		var lines []string
		for _, l := range strings.Split(s, "\n") {
			if l = strings.Join(strings.Fields(l), " "); l != "" {
				lines = append(lines, l)
			}
		}
		if len(lines) > 0 {
			paras = append(paras, strings.Join(lines, "\n"))
		}
	}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			if pre > 0 {
				cur.WriteString(n.Data)
			} else {
				// A newline in HTML source is a space; "\n" in cur means <br>.
				cur.WriteString(strings.ReplaceAll(n.Data, "\n", " "))
			}
			return
		case html.ElementNode:
			tag := n.Data
			switch {
			case skipTags[tag]:
				return
			case tag == "br" || tag == "lb":
				cur.WriteByte('\n')
				return
			case tag == "td" || tag == "th" || tag == "cell":
				cur.WriteByte(' ')
			}
			if blockTags[tag] || tag == "pre" {
				flush()
				if tag == "pre" {
					pre++
				}
				for c := n.FirstChild; c != nil; c = c.NextSibling {
					walk(c)
				}
				flush()
				if tag == "pre" {
					pre--
				}
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	flush()
	return strings.Join(paras, "\n\n")
}
