package loader

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// benchArticle builds a crawled article of about size bytes: the name
// line, the banner, then the one-line HTML body, with a second banner in
// the middle.
func benchArticle(size int) string {
	sentences := []string{s1, s2, s3,
		"技术员小王现场示范了“开心形”修剪方法，并提醒大家注意剪口消毒。",
		"下一步，县里还将举办病虫害防治、科学施肥等专题培训12场，覆盖全部乡镇。",
	}
	var b strings.Builder
	b.WriteString(nameLine + banner + empty)
	for i := 0; b.Len() < size; i++ {
		if i == 20 {
			b.WriteString("\n" + banner)
		}
		p := sentences[i%len(sentences)]
		b.WriteString(spanOpen + "　　" + p + p + "</span></div><div>&nbsp;</div>")
	}
	b.WriteString("\n")
	return b.String()
}

func benchmarkClean(b *testing.B, size int) {
	text := benchArticle(size)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Clean(text)
	}
}

func BenchmarkClean10KB(b *testing.B) { benchmarkClean(b, 10<<10) }
func BenchmarkClean1MB(b *testing.B)  { benchmarkClean(b, 1<<20) }

func BenchmarkDecodeGB18030_1MB(b *testing.B) {
	data := []byte(gb(b, benchArticle(1<<20)))
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		Decode(data)
	}
}

// BenchmarkScan10K lists a folder of 10,000 article files in 100
// sub-folders.
func BenchmarkScan10K(b *testing.B) {
	dir := b.TempDir()
	for d := range 100 {
		sub := filepath.Join(dir, fmt.Sprintf("第%03d批", d))
		if err := os.Mkdir(sub, 0o755); err != nil {
			b.Fatal(err)
		}
		for f := range 100 {
			name := filepath.Join(sub, fmt.Sprintf("%d县农业局开展冬季果树修剪培训.txt", d*100+f))
			if err := os.WriteFile(name, nil, 0o644); err != nil {
				b.Fatal(err)
			}
		}
	}
	fsys := DirFS(dir)
	b.ReportAllocs()
	for b.Loop() {
		entries, err := Scan(fsys)
		if err != nil || len(entries) != 10000 {
			b.Fatalf("Scan: %d entries, %v", len(entries), err)
		}
	}
}

// BenchmarkFlat1KB builds the flat text of an article of about 1 KB, as
// a collection search does for each article that may match.
func BenchmarkFlat1KB(b *testing.B) {
	src, _ := SourceOf(Entry{Title: "县农业局开展冬季果树修剪培训"}, []byte(benchArticle(1<<10)))
	var f Flat
	b.SetBytes(int64(len(src.Text)))
	b.ReportAllocs()
	for b.Loop() {
		f.Build(src)
	}
}

// BenchmarkBannersAndTags1KB is the part of cleaning after the
// sanitizer: the banners marked, the tags read and the blocks built.
func BenchmarkBannersAndTags1KB(b *testing.B) {
	text := Sanitize(normalizeNewlines(benchArticle(1 << 10)))
	var f Flat
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		f.start(false)
		f.b.pieces = appendBanners(f.b.pieces[:0], text)
		parseInto(&f.b, f.b.pieces)
	}
}
