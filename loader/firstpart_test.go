package loader

import (
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

// The first part's blocks are the first blocks of the whole article (the
// last one maybe cut short), for every sample made huge by repetition and
// cut anywhere.
func TestFirstPartIsAPrefix(t *testing.T) {
	samples, _ := filepath.Glob("../testdata/collection/*.txt")
	samples = append(samples, must(filepath.Glob("../testdata/*/*.txt"))...)
	if len(samples) == 0 {
		t.Skip("no samples")
	}
	for _, p := range samples {
		b, err := os.ReadFile(p)
		if err != nil || IsBinary(b) {
			continue
		}
		body, _ := Decode(b)
		for _, n := range []int{64, 200, 1000, 4096} {
			text := strings.Repeat(body+"\n", 1+8*n/max(1, len(body)))
			src := Source{Entry: Entry{Title: "标题"}, Text: text, Encoding: EncUTF8, Size: len(text)}
			part, ok := src.FirstPart(n)
			if !ok {
				continue
			}
			whole, _ := src.Article()
			if !isPrefix(part, whole) {
				t.Fatalf("%s, n=%d: the first part is not a prefix", p, n)
			}
		}
	}
}

func must(s []string, _ error) []string { return s }

// isPrefix reports whether the blocks of part are the first blocks of
// whole, the last one allowed to be the beginning of whole's block.
func isPrefix(part, whole Article) bool {
	n := len(part.Blocks)
	if !part.Part || n == 0 || n > len(whole.Blocks) || !reflect.DeepEqual(part.Blocks[:n-1], whole.Blocks[:n-1]) {
		return false
	}
	last, w := part.Blocks[n-1], whole.Blocks[n-1]
	return last.Kind == w.Kind && strings.HasPrefix(w.Text, last.Text)
}

// A huge article of one run of text, without a tag or a line end to cut
// at (50 MB of one word), has a first part: its beginning.
func TestFirstPartOfOneRun(t *testing.T) {
	for _, text := range []string{
		strings.Repeat("a", 1<<20),
		strings.Repeat("一个词", 1<<18),
		strings.Repeat("&amp;", 1<<18),
		"<p>" + strings.Repeat("正文", 1<<18) + "</p>",
	} {
		text = "1一个词.txt\n" + text
		src := Source{Entry: Entry{Title: "一个词"}, Text: text, Encoding: EncUTF8, Size: len(text)}
		part, ok := src.FirstPart(64 << 10)
		if !ok || len(part.Blocks) != 2 || len(part.Blocks[1].Text) < 8<<10 {
			t.Fatalf("%.20q…: first part %v, %d blocks", text, ok, len(part.Blocks))
		}
		if whole, _ := src.Article(); !isPrefix(part, whole) {
			t.Fatalf("%.20q…: the first part is not a prefix", text)
		}
	}
}

func FuzzFirstPart(f *testing.F) {
	f.Add("<div>甲</div><div>乙</div><p>丙</p>", 8)
	f.Add("1a.txt\n----------\n---这里有图片---\n----------\n<script>x</script>正文<!-- c --><h1>题</h1>", 10)
	f.Add("a\n\nb\n　c &amp; d <br> e", 4)
	f.Fuzz(func(t *testing.T, text string, n int) {
		if n < 1 || len(text) > 1<<12 {
			return
		}
		src := Source{Entry: Entry{Title: "标题"}, Text: text, Encoding: EncUTF8}
		part, ok := src.FirstPart(n)
		if !ok {
			return
		}
		whole, _ := src.Article()
		if !isPrefix(part, whole) {
			t.Fatalf("n=%d %q:\npart  %+v\nwhole %+v", n, text, part.Blocks, whole.Blocks)
		}
	})
}

// countingFS counts the bytes read from its files.
type countingFS struct {
	fs.FS
	read *int
}

func (c countingFS) Open(name string) (fs.File, error) {
	f, err := c.FS.Open(name)
	return countingFile{f, c.read}, err
}

type countingFile struct {
	fs.File
	read *int
}

func (f countingFile) Read(p []byte) (int, error) {
	n, err := f.File.Read(p)
	*f.read += n
	return n, err
}

// FirstPartOf reads only the beginning of a huge file, in any encoding,
// and gives the first part of what Load gives; a file that is small or
// binary is left to Load.
func TestFirstPartOf(t *testing.T) {
	const n = 4 << 10
	para := "<p>" + strings.Repeat("城市图书馆推出夜间借阅服务。", 20) + "</p>"
	huge := "1大文章.txt\n" + strings.Repeat(para, 100*n/len(para))
	gb, _ := simplifiedchinese.GB18030.NewEncoder().String(huge)
	u16, _ := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String(huge)
	read := 0
	fsys := countingFS{fstest.MapFS{
		"1大文章.txt":  {Data: []byte(huge)},
		"2小文章.txt":  {Data: []byte(huge[:3*n])},
		"3国标码.txt":  {Data: []byte(gb)},
		"4带BOM.txt": {Data: append([]byte("\xef\xbb\xbf"), huge...)},
		"5十六位.txt":  {Data: []byte(u16)},
		"6二进制.txt":  {Data: append([]byte("\x00\x01"), huge...)},
	}, &read}
	for _, tc := range []struct {
		name string
		ok   bool
	}{{"1大文章.txt", true}, {"2小文章.txt", false}, {"3国标码.txt", true}, {"4带BOM.txt", true}, {"5十六位.txt", true}, {"6二进制.txt", false}} {
		e := newEntry(tc.name, tc.name)
		read = 0
		part, ok := FirstPartOf(fsys, e, n)
		if ok != tc.ok {
			t.Fatalf("%s: first part %v, want %v", tc.name, ok, tc.ok)
		}
		if !ok {
			continue
		}
		if read > 2*n+headSlack {
			t.Errorf("%s: %d bytes read for a first part of %d", tc.name, read, n)
		}
		whole, err := Load(fsys, e)
		if err != nil || !isPrefix(part, whole) || part.Encoding != whole.Encoding || part.Size != whole.Size {
			t.Errorf("%s: the first part (%s, %d B) is not the beginning of the whole (%s, %d B, %v)",
				tc.name, part.Encoding, part.Size, whole.Encoding, whole.Size, err)
		}
	}
}

// BenchmarkFirstPartOf10MB is what opening a 10 MB article costs before
// its first frame (the first part read from the file and cleaned), beside
// BenchmarkLoad10MB, the whole that follows it.
func BenchmarkFirstPartOf10MB(b *testing.B) {
	fsys, e := bench10MB(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, ok := FirstPartOf(fsys, e, 64<<10); !ok {
			b.Fatal("no first part")
		}
	}
}

func BenchmarkLoad10MB(b *testing.B) {
	fsys, e := bench10MB(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Load(fsys, e); err != nil {
			b.Fatal(err)
		}
	}
}

// bench10MB is a folder holding one article of 10 MB on one line.
func bench10MB(b *testing.B) (fs.FS, Entry) {
	dir := b.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "1大文章.txt"), []byte(benchArticle(10<<20)), 0o644); err != nil {
		b.Fatal(err)
	}
	return DirFS(dir), newEntry("1大文章.txt", "1大文章.txt")
}
