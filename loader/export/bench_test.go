package export

import (
	"context"
	"runtime"
	"testing"

	"newsbrowse/loader"
)

// BenchmarkExportSample exports the sample collection again and again: the
// cost of reading, cleaning, hashing and encoding articles of every kind.
func BenchmarkExportSample(b *testing.B) {
	root, entries, err := loader.ScanPath("../../testdata/collection")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		Run(context.Background(), root, entries, runtime.NumCPU(), func(l Line) {
			if l.Err != nil {
				b.Fatal(l.Err)
			}
		})
	}
}
