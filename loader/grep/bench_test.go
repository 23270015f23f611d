package grep

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"newsbrowse/loader"
	"newsbrowse/loader/match"
)

// benchCollection writes n articles of about 1 KB each in the crawler's
// layout to a temporary directory and returns it and the total size. One
// article in 7 holds 新闻 split by tags, one in 10 holds 基准词, one in 10
// writes its quotes as character references.
func benchCollection(b *testing.B, n int) (dir string, size int64) {
	dir = b.TempDir()
	para := "\u3000\u3000本市今年新建社区图书馆十二座，全年接待读者约三十五万人次，较去年增长百分之十八。" +
		"“现在借书方便多了。”一位读者说。"
	for i := range n {
		sub := filepath.Join(dir, fmt.Sprintf("%02d", i%20))
		if err := os.MkdirAll(sub, 0o755); err != nil {
			b.Fatal(err)
		}
		name := fmt.Sprintf("%04d第%d期城市简讯.txt", i, i)
		second := strings.Repeat(para, 2)
		if i%7 == 0 {
			second += "<span>新</span><span>闻</span>发布会将于下周举行。"
		}
		if i%10 == 0 {
			second += "基准词"
		}
		if i%10 == 3 {
			second = strings.NewReplacer("“", "&ldquo;", "”", "&rdquo;").Replace(second)
		}
		data := article(name, strings.Repeat(para, 3), second)
		if err := os.WriteFile(filepath.Join(sub, name), []byte(data), 0o644); err != nil {
			b.Fatal(err)
		}
		size += int64(len(data))
	}
	return dir, size
}

func BenchmarkSearch2000(b *testing.B) {
	dir, size := benchCollection(b, 2000)
	fsys := loader.DirFS(dir)
	entries, err := loader.Scan(fsys)
	if err != nil || len(entries) != 2000 {
		b.Fatalf("scan: %d entries, %v", len(entries), err)
	}
	for _, q := range []string{"基准词", "新闻", "图书馆", "ＳＱＬ"} {
		b.Run(q, func(b *testing.B) {
			m := match.Compile(q, true)
			b.SetBytes(size)
			b.ReportAllocs()
			for b.Loop() {
				n := 0
				Search(context.Background(), fsys, entries, m, narrow, runtime.NumCPU(), func(r Result) {
					if r.Err != nil {
						b.Fatal(r.Err)
					}
					n++
				})
				if n != len(entries) {
					b.Fatalf("%d results", n)
				}
			}
		})
	}
}
