// Package cli parses bilat's command line and runs its subcommands.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"

	"bilat"
	"bilat/internal/actors"
	"bilat/internal/extract"
	"bilat/internal/store/sqlite"
)

// Exit codes.
const (
	ok      = 0
	failed  = 1 // some documents failed, or the command failed
	misused = 2 // a usage error
)

type env struct {
	ctx            context.Context
	stdin          io.Reader
	stdout, stderr io.Writer
}

type command struct {
	name, args, summary string
	run                 func(e *env, args []string) int
}

var commands []command

func init() {
	// other files register their commands from their own init; keep them after these
	commands = append([]command{
		{"ingest", "[--db DSN] [--lexicon FILE] PATH...", "read articles (files, folders, - for stdin) and store their engagements", runIngest},
		{"export", "[--db DSN] --format jsonl|csv [filters]", "write the engagements as JSONL or CSV", runExport},
		{"engagements", "[--db DSN] [filters]", "list the engagements as a table", runEngagements},
		{"explain", "[--lexicon FILE] [--published DATE] FILE", "show, sentence by sentence, what the extractor saw in an article", runExplain},
		{"demo", "[--table]", "ingest the bundled sample corpus into a temporary database, list its engagements and open the dashboard", runDemo},
		{"version", "", "print the version", runVersion},
		{"help", "[COMMAND]", "show help", runHelp},
	}, commands...)
}

// Run runs bilat with the given arguments and returns the exit status.
func Run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	e := &env{ctx: ctx, stdin: stdin, stdout: stdout, stderr: stderr}
	if len(args) == 0 {
		usage(stderr)
		return misused
	}
	name := args[0]
	switch name {
	case "-h", "--help", "-help":
		name = "help"
	case "-v", "--version":
		name = "version"
	}
	for _, c := range commands {
		if c.name == name {
			return c.run(e, args[1:])
		}
	}
	fmt.Fprintf(stderr, "bilat: unknown command %q\n\n", name)
	usage(stderr)
	return misused
}

func usage(w io.Writer) {
	fmt.Fprintf(w, "bilat %s: a source-linked record of diplomatic engagements (calls, meetings, visits) read from the news.\n\nUsage:\n", bilat.Version)
	for _, c := range commands {
		fmt.Fprintf(w, "  bilat %-11s %s\n      %s\n", c.name, c.args, c.summary)
	}
	fmt.Fprintf(w, "\nThe database (DSN) is a SQLite file: --db, else $BILAT_DB, else bilat.db in the current folder.\nRun 'bilat COMMAND -h' for a command's flags.\n")
}

func runHelp(e *env, args []string) int {
	if len(args) == 1 {
		for _, c := range commands {
			if c.name == args[0] && c.name != "help" {
				return c.run(e, []string{"-h"})
			}
		}
		if args[0] != "help" && !strings.HasPrefix(args[0], "-") {
			fmt.Fprintf(e.stderr, "bilat help: unknown command %q\n\n", args[0])
			usage(e.stderr)
			return misused
		}
	}
	usage(e.stdout)
	return ok
}

func runVersion(e *env, args []string) int {
	fmt.Fprintf(e.stdout, "bilat %s (%s)\n", bilat.Version, runtime.Version())
	return ok
}

// newFlags makes a command's flag set; -h prints the command's usage.
func newFlags(e *env, name string) *flag.FlagSet {
	fs := flag.NewFlagSet("bilat "+name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	for _, c := range commands {
		if c.name == name {
			fs.Usage = func() {
				fmt.Fprintf(e.stderr, "Usage: bilat %s %s\n  %s\n\nFlags:\n", c.name, c.args, c.summary)
				fs.PrintDefaults()
			}
		}
	}
	return fs
}

// parse parses flags wherever they stand among the arguments
// ("bilat ingest docs/ --db x.db" works too).
func parse(fs *flag.FlagSet, args []string) ([]string, int) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, ok
			}
			return nil, misused
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, -1
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// parseFlags parses a command that takes flags only; it returns -1 when the
// command should go on, else the exit status.
func parseFlags(e *env, fs *flag.FlagSet, name string, args []string) int {
	rest, code := parse(fs, args)
	if code >= 0 {
		return code
	}
	if len(rest) > 0 {
		fmt.Fprintf(e.stderr, "bilat %s: unexpected argument %q\n", name, rest[0])
		return misused
	}
	return -1
}

// haveDB reports whether a SQLite database exists at dsn, and says what to do when not.
func haveDB(e *env, name, dsn string) bool {
	if strings.Contains(dsn, "://") {
		return true
	}
	if _, err := os.Stat(dsn); err != nil {
		fmt.Fprintf(e.stderr, "bilat %s: no database at %s: run 'bilat ingest --db %s PATH...' first\n", name, dsn, dsn)
		return false
	}
	return true
}

func dbFlag(fs *flag.FlagSet) *string {
	def := os.Getenv("BILAT_DB")
	if def == "" {
		def = "bilat.db"
	}
	return fs.String("db", def, "database: a SQLite file path (default $BILAT_DB or bilat.db)")
}

func openDB(e *env, dsn string) (*sqlite.DB, bool) {
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		fmt.Fprintf(e.stderr, "bilat: %s: the PostgreSQL backend is not built yet; use a SQLite file path\n", dsn)
		return nil, false
	}
	db, err := sqlite.Open(e.ctx, dsn)
	if err != nil {
		if errors.Is(err, context.Canceled) {
			fmt.Fprintln(e.stderr, "bilat: interrupted")
			return nil, false
		}
		fmt.Fprintf(e.stderr, "bilat: open database %s: %v\n", dsn, err)
		return nil, false
	}
	return db, true
}

func newExtractor(e *env, lexFile string) (*extract.Extractor, *actors.Lexicon, bool) {
	lex, err := actors.Load(lexFile)
	if err != nil {
		fmt.Fprintf(e.stderr, "bilat: lexicon: %v\n", err)
		return nil, nil, false
	}
	x, err := extract.New(lex)
	if err != nil {
		fmt.Fprintf(e.stderr, "bilat: %v\n", err)
		return nil, nil, false
	}
	return x, lex, true
}
