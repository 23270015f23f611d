package loader

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// The first part's blocks are the first blocks of the whole article, for
// every sample made huge by repetition and cut anywhere.
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
			if len(part.Blocks) > len(whole.Blocks) || !reflect.DeepEqual(part.Blocks, whole.Blocks[:len(part.Blocks)]) {
				t.Fatalf("%s, n=%d: the first part is not a prefix", p, n)
			}
		}
	}
}

func must(s []string, _ error) []string { return s }

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
		if len(part.Blocks) > len(whole.Blocks) || !reflect.DeepEqual(part.Blocks, whole.Blocks[:len(part.Blocks)]) {
			t.Fatalf("n=%d %q:\npart  %+v\nwhole %+v", n, text, part.Blocks, whole.Blocks)
		}
	})
}
