package zipfs

import (
	"archive/zip"
	"bufio"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// writeBigZip writes an archive of n small articles named as crawls name
// them, a tenth of them in sub-folders, and returns its path.
func writeBigZip(b *testing.B, n int) string {
	b.Helper()
	p := filepath.Join(b.TempDir(), "big.zip")
	f, err := os.Create(p)
	if err != nil {
		b.Fatal(err)
	}
	bw := bufio.NewWriter(f)
	w := zip.NewWriter(bw)
	titles := []string{"县农业局开展冬季果树修剪培训", "市图书馆推出“自助借阅”服务", "冰雪季开幕：游客量创新高"}
	for i := range n {
		name := fmt.Sprintf("%06d%s.txt", i, titles[i%len(titles)])
		if i%10 == 0 {
			name = fmt.Sprintf("分类%d/%s", i%7, name)
		}
		fw, err := w.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Store})
		if err != nil {
			b.Fatal(err)
		}
		fmt.Fprintf(fw, "%s\n正文", name)
	}
	if err := w.Close(); err != nil {
		b.Fatal(err)
	}
	if err := bw.Flush(); err != nil {
		b.Fatal(err)
	}
	f.Close()
	return p
}

// liveHeap is the heap in use after a full collection, in bytes.
func liveHeap() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

// BenchmarkOpen100k opens an archive of 100,000 entries and walks it, as
// a listing does. live-MB is the heap the open archive holds; with -short
// it uses 20,000 entries.
func BenchmarkOpen100k(b *testing.B) {
	n := 100000
	if testing.Short() {
		n = 20000
	}
	p := writeBigZip(b, n)
	base := liveHeap()
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
	b.ReportMetric(float64(liveHeap()-base)/1e6, "live-MB")
	runtime.KeepAlive(z)
	z.Close()
}
