// Package benchkit holds what the benchmarks of loader and loader/zipfs
// share: a large archive shaped like a crawl, and the live heap.
// Imported by tests only.
package benchkit

import (
	"archive/zip"
	"bufio"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// BigZip writes an archive of n small stored articles named as crawls
// name them, a tenth of them in sub-folders, and returns its path.
func BigZip(tb testing.TB, n int) string {
	tb.Helper()
	p := filepath.Join(tb.TempDir(), "big.zip")
	f, err := os.Create(p)
	if err != nil {
		tb.Fatal(err)
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
			tb.Fatal(err)
		}
		fmt.Fprintf(fw, "%s\n正文", name)
	}
	if err := w.Close(); err != nil {
		tb.Fatal(err)
	}
	if err := errors.Join(bw.Flush(), f.Close()); err != nil {
		tb.Fatal(err)
	}
	return p
}

// LiveHeap is the heap in use after a full collection, in bytes.
func LiveHeap() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}
