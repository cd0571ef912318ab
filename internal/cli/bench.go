package cli

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"strconv"
	"strings"

	"bilat/internal/bench"
)

func init() {
	commands = append(commands, command{"bench", "[--docs N] [--db FILE] [--keep] [--cpuprofile FILE]",
		"generate N varied articles (3–6 KB) and time their ingest end to end into SQLite", runBench})
}

func runBench(e *env, args []string) int {
	fl := newFlags(e, "bench")
	n := fl.Int("docs", 100000, "number of articles to generate")
	dbPath := fl.String("db", "", "database file (default: a temporary one, removed afterwards)")
	keep := fl.Bool("keep", false, "keep the database")
	cpuProfile := fl.String("cpuprofile", "", "write a CPU profile of the run to this file (go tool pprof reads it)")
	if _, code := parse(fl, args); code >= 0 {
		return code
	}
	x, lex, good := newExtractor(e, "")
	if !good {
		return failed
	}
	if *dbPath == "" {
		dir, err := os.MkdirTemp("", "bilat-bench-")
		if err != nil {
			fmt.Fprintf(e.stderr, "bilat bench: %v\n", err)
			return failed
		}
		if !*keep {
			defer os.RemoveAll(dir)
		}
		*dbPath = filepath.Join(dir, "bench.db")
	}
	st, good := openDB(e, *dbPath)
	if !good {
		return failed
	}
	defer st.Close()
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			fmt.Fprintf(e.stderr, "bilat bench: %v\n", err)
			return failed
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			fmt.Fprintf(e.stderr, "bilat bench: %v\n", err)
			return failed
		}
		defer pprof.StopCPUProfile()
	}
	// the corpus streams through a pipe as JSONL on "standard input": memory
	// stays flat whatever the number of articles
	pr, pw := io.Pipe()
	defer pr.Close() // an early stop unblocks the generator
	go func() { pw.CloseWithError(bench.Corpus(pw, lex, *n, 1)) }()
	be := *e
	be.stdin = pr
	sum, err := ingestPaths(&be, st, x, []string{"-"}, true)
	if err != nil {
		fmt.Fprintf(e.stderr, "bilat bench: %v\n", err)
		return failed
	}
	fmt.Fprintf(e.stdout, "bench: %d articles (3–6 KB), %d CPUs\n", *n, runtime.GOMAXPROCS(0))
	printSummary(e.stdout, sum)
	if sum.Interrupted || sum.Failed > 0 {
		fmt.Fprintln(e.stderr, "bilat bench: interrupted or incomplete; the figures are not a full run")
		return failed
	}
	stats, err := st.Stats(e.ctx)
	if err != nil {
		fmt.Fprintf(e.stderr, "bilat bench: %v\n", err)
		return failed
	}
	fmt.Fprintf(e.stdout, "stored: %d documents, %d mentions, %d engagements\n", stats.Documents, stats.Mentions, stats.Engagements)
	fmt.Fprintf(e.stdout, "peak RSS: %s\n", peakRSS())
	if *keep {
		fmt.Fprintf(e.stdout, "database: %s\n", *dbPath)
	}
	return ok
}

// peakRSS reads the process's high-water resident set size (Linux).
func peakRSS() string {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return "unknown"
	}
	for _, l := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(l, "VmHWM:") {
			f := strings.Fields(l)
			if len(f) >= 2 {
				kb, _ := strconv.Atoi(f[1])
				return fmt.Sprintf("%.0f MB", float64(kb)/1024)
			}
		}
	}
	return "unknown"
}
