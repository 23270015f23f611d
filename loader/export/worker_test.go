package export

import (
	"bytes"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"newsbrowse/loader"
)

// exportPieces are fragments of raw article text: markup of every kind,
// references, controls, line ends, banners and indents.
var exportPieces = []string{
	"<p>", "</p>", "<span style='a:b'>", "</span>", "<br/>", "<div>", "</div>", "<h2>", "</h2>", "<img src=a>",
	"<!-- 注 -->", "<script>x</script>", "<title>t</title>", "&nbsp;", "&amp;", "&ldquo;", "&#12288;", "&",
	"\x01", "\u202e", "\u2028", "\u3000", "\u3000\u3000", "\u00a0", "\r\n", "\n", "\n\n", " ", "新闻", "图片", "ABC",
	"“", "”", "—", "\xff", "----------", "-----\n--这里有图片--\n-----\n", "<", ">",
}

// checkWorker compares the line Worker.Entry writes with the record
// FromSource makes from the article's blocks, reusing one worker.
func checkWorker(t *testing.T, w *Worker, name string, data []byte) {
	t.Helper()
	fsys := fstest.MapFS{name: {Data: data}}
	e := loader.Entry{Title: strings.TrimSuffix(name, ".txt"), RelPath: name}
	got := w.Entry(fsys, e)
	src, err := loader.SourceOf(e, data)
	if err != nil {
		if got.Err == nil || got.JSON != nil {
			t.Fatalf("%q: line %q, want the error %v", data, got.JSON, err)
		}
		return
	}
	want := Encode(FromSource(src, ID(data)))
	if got.Err != nil || !bytes.Equal(got.JSON, want) {
		t.Fatalf("%q: line\n%s (%v)\nwant\n%s", data, got.JSON, got.Err, want)
	}
}

func TestWorkerSameAsBlocks(t *testing.T) {
	var w Worker
	for _, root := range []string{"../../testdata/collection", "../../testdata/hostile"} {
		err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil || !d.Type().IsRegular() {
				return err
			}
			b, err := os.ReadFile(p)
			checkWorker(t, &w, "a.txt", b)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	rng := rand.New(rand.NewPCG(31, 32))
	for range 2000 {
		var b strings.Builder
		for range rng.IntN(30) {
			b.WriteString(exportPieces[rng.IntN(len(exportPieces))])
		}
		checkWorker(t, &w, "b.txt", []byte(b.String()))
	}
}

func FuzzWorkerSameAsBlocks(f *testing.F) {
	rng := rand.New(rand.NewPCG(33, 34))
	for range 30 {
		var b strings.Builder
		for range rng.IntN(20) {
			b.WriteString(exportPieces[rng.IntN(len(exportPieces))])
		}
		f.Add([]byte(b.String()))
	}
	var w Worker
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 1<<14 {
			return
		}
		checkWorker(t, &w, "c.txt", data)
	})
}
