package zipfs

import (
	"io/fs"
	"runtime"
	"testing"

	"newsbrowse/loader/internal/benchkit"
)

// BenchmarkOpen100k opens an archive of 100,000 entries and walks it, as
// a listing does. live-MB is the heap the open archive holds; with -short
// it uses 20,000 entries.
func BenchmarkOpen100k(b *testing.B) {
	n := 100000
	if testing.Short() {
		n = 20000
	}
	p := benchkit.BigZip(b, n)
	base := benchkit.LiveHeap()
	var z *FS
	b.ReportAllocs()
	for b.Loop() {
		if z != nil {
			z.Close()
		}
		var err error
		if z, err = Open(p); err != nil {
			b.Fatal(err)
		}
		files := 0
		fs.WalkDir(z, ".", func(_ string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				files++
			}
			return err
		})
		if files != n {
			b.Fatalf("%d files, want %d", files, n)
		}
	}
	b.StopTimer()
	b.ReportMetric(float64(benchkit.LiveHeap()-base)/1e6, "live-MB")
	runtime.KeepAlive(z)
	z.Close()
}
