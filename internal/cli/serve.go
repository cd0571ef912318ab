package cli

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"

	"bilat/internal/actors"
	"bilat/internal/analyse"
	"bilat/internal/server"
	"bilat/internal/store"
)

func init() {
	commands = append(commands, command{"serve", "[--db DSN] [--addr 127.0.0.1:8080] [--lexicon FILE]",
		"serve the read-only JSON API and the dashboard", runServe})
}

func runServe(e *env, args []string) int {
	fl := newFlags(e, "serve")
	db := dbFlag(fl)
	addr := fl.String("addr", "127.0.0.1:8080", "address to listen on")
	lex := fl.String("lexicon", "", "a YAML file adding to the lexicon (office holders for the first-contact signal)")
	if code := parseFlags(e, fl, "serve", args); code >= 0 {
		return code
	}
	if !haveDB(e, "serve", *db) {
		return failed
	}
	st, good := openDB(e, *db)
	if !good {
		return failed
	}
	defer st.Close()
	l, err := actors.Load(*lex)
	if err != nil {
		fmt.Fprintf(e.stderr, "bilat serve: lexicon: %v\n", err)
		return failed
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintf(e.stderr, "bilat serve: %v\n", err)
		return failed
	}
	return serve(e, st, ln, analyse.Offices(l))
}

// serveDemo serves st on 127.0.0.1:8080, or on a free port when that one is
// taken, until e.ctx is cancelled (Ctrl-C). The demo calls it once the
// bundled corpus is ingested.
func serveDemo(e *env, st store.Store) int {
	ln, err := net.Listen("tcp", "127.0.0.1:8080")
	if err != nil {
		if ln, err = net.Listen("tcp", "127.0.0.1:0"); err != nil {
			fmt.Fprintf(e.stderr, "bilat demo: %v\n", err)
			return failed
		}
	}
	var offices []analyse.Office
	if l, err := actors.Load(""); err == nil {
		offices = analyse.Offices(l)
	}
	return serve(e, st, ln, offices)
}

// serve answers on ln until e.ctx is done, then lets requests in flight
// finish for a few seconds.
func serve(e *env, st store.Store, ln net.Listener, offices []analyse.Office) int {
	log := slog.New(slog.NewTextHandler(e.stderr, nil))
	sv := server.New(st, server.Options{Offices: offices, Logger: log})
	srv := sv.HTTPServer(ln.Addr().String())
	go func() {
		if err := sv.Warm(e.ctx); err != nil && e.ctx.Err() == nil {
			log.Warn("warming the cache", "err", err)
		}
	}()
	fmt.Fprintf(e.stdout, "bilat: dashboard at http://%s/ (API under /api/; Ctrl-C to stop)\n", ln.Addr())
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		fmt.Fprintf(e.stderr, "bilat serve: %v\n", err)
		return failed
	case <-e.ctx.Done():
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(ctx); err != nil {
		fmt.Fprintf(e.stderr, "bilat serve: shutdown: %v\n", err)
	}
	if err := <-done; err != nil && !errors.Is(err, http.ErrServerClosed) {
		fmt.Fprintf(e.stderr, "bilat serve: %v\n", err)
		return failed
	}
	return ok
}
