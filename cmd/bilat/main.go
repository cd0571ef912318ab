// Command bilat reads news about relations between countries and keeps a
// source-linked record of engagements: calls, meetings and visits.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"bilat/internal/cli"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := cli.Run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
