package loader

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"newsbrowse/loader/internal/benchkit"
)

// BenchmarkScan100k lists one folder of 100,000 empty article files named
// in the forms collections use (plain, zero-padded, with a separator, no
// number), as a large crawl is usually kept. With -short it uses 20,000.
func BenchmarkScan100k(b *testing.B) {
	n := 100000
	if testing.Short() {
		n = 20000
	}
	dir := b.TempDir()
	titles := []string{"县农业局开展冬季果树修剪培训", "市图书馆推出“自助借阅”服务", "冰雪季开幕：游客量创新高"}
	for i := range n {
		t := titles[i%len(titles)]
		var name string
		switch i % 5 {
		case 0:
			name = fmt.Sprintf("%d%s.txt", i, t)
		case 1:
			name = fmt.Sprintf("%06d%s.txt", i, t)
		case 2:
			name = fmt.Sprintf("%d_%s.txt", i, t)
		case 3:
			name = fmt.Sprintf("%d-%s.txt", i, t)
		default:
			name = fmt.Sprintf("%s（第%d期）.txt", t, i)
		}
		f, err := os.Create(filepath.Join(dir, name))
		if err != nil {
			b.Fatal(err)
		}
		f.Close()
	}
	fsys := DirFS(dir)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		entries, err := Scan(fsys)
		if err != nil || len(entries) != n {
			b.Fatalf("Scan: %d entries, %v", len(entries), err)
		}
	}
}

// BenchmarkScanArchive100k lists an archive of 100,000 articles, as
// --list does before it prints. live-MB is the heap the archive and its
// entries hold; with -short it uses 20,000.
func BenchmarkScanArchive100k(b *testing.B) {
	n := 100000
	if testing.Short() {
		n = 20000
	}
	p := benchkit.BigZip(b, n)
	base := benchkit.LiveHeap()
	var root fs.FS
	var entries []Entry
	var err error
	b.ReportAllocs()
	for b.Loop() {
		if c, ok := root.(io.Closer); ok {
			c.Close()
		}
		if root, entries, err = ScanPath(p); err != nil || len(entries) != n {
			b.Fatalf("ScanPath: %d entries, %v", len(entries), err)
		}
	}
	b.StopTimer()
	b.ReportMetric(float64(benchkit.LiveHeap()-base)/1e6, "live-MB")
	runtime.KeepAlive(entries)
	root.(io.Closer).Close()
}
