package ingest

import (
	"os"
	"testing"
	"time"
)

func FuzzHang(f *testing.F) {
	entries, _ := os.ReadDir("testdata")
	for _, e := range entries {
		if e.Type().IsRegular() {
			f.Add(e.Name(), mustRead(f, e.Name()))
		}
	}
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		done := make(chan bool)
		go func() {
			select {
			case <-done:
			case <-time.After(3 * time.Second):
				os.WriteFile("/tmp/hang.bin", data, 0o644)
				os.WriteFile("/tmp/hang.name", []byte(name), 0o644)
			}
		}()
		Parse(name, data)
		close(done)
	})
}
