package export

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"newsbrowse/loader"
)

func TestText(t *testing.T) {
	P := func(s string) loader.Block { return loader.Block{Kind: loader.Paragraph, Text: loader.Indent + s} }
	img := loader.Block{Kind: loader.Image, Text: loader.ImageText}
	for _, tc := range []struct {
		name   string
		blocks []loader.Block
		text   string
		images int
	}{
		{"empty", nil, "", 0},
		{"paragraphs", []loader.Block{P("一。"), P("二。")}, "一。\n二。", 0},
		{"images counted, not written", []loader.Block{img, P("一。"), img, img, P("二。")}, "一。\n二。", 3},
		{"only images", []loader.Block{img}, "", 1},
		{"heading kept", []loader.Block{{Kind: loader.Heading, Text: "小标题"}, P("正文")}, "小标题\n正文", 0},
		{"one indent removed", []loader.Block{P("\u3000缩进")}, "\u3000缩进", 0},
	} {
		text, images := Text(tc.blocks)
		if text != tc.text || images != tc.images {
			t.Errorf("%s: Text = %q, %d; want %q, %d", tc.name, text, images, tc.text, tc.images)
		}
	}
}

func TestEncodeKeepsHTMLCharacters(t *testing.T) {
	line := Encode(Record{ID: "x", Title: "A&B <新闻>", Text: "一\n二 \"引号\""})
	want := `{"id":"x","prefix":"","title":"A&B <新闻>","path":"","encoding":"","images":0,"text":"一\n二 \"引号\""}` + "\n"
	if string(line) != want {
		t.Errorf("Encode =\n%s want\n%s", line, want)
	}
}

// cleanedParagraphs is the text of an article as Load shows it: the body
// blocks after the title heading, images left out, indents removed.
func cleanedParagraphs(a loader.Article) (lines []string, images int) {
	body := a.Blocks
	if len(body) > 0 && body[0].Kind == loader.Heading && a.Entry.Title != "" {
		body = body[1:]
	}
	for _, b := range body {
		if b.Kind == loader.Image {
			images++
			continue
		}
		lines = append(lines, strings.TrimPrefix(b.Text, loader.Indent))
	}
	return lines, images
}

// export runs Run and decodes its lines.
func export(t *testing.T, fsys fs.FS, entries []loader.Entry, workers int) (recs []Record, errs []Line) {
	t.Helper()
	Run(context.Background(), fsys, entries, workers, func(l Line) {
		if l.Err != nil {
			errs = append(errs, l)
			return
		}
		if bytes.Count(l.JSON, []byte("\n")) != 1 || l.JSON[len(l.JSON)-1] != '\n' {
			t.Errorf("%s: not one line: %q", l.Entry.RelPath, l.JSON)
		}
		var r Record
		if err := json.Unmarshal(l.JSON, &r); err != nil {
			t.Fatalf("%s: %v", l.Entry.RelPath, err)
		}
		recs = append(recs, r)
	})
	return recs, errs
}

// TestRoundTripSampleCollection checks every line of the export of the
// bundled collection against the article as the reader shows it.
func TestRoundTripSampleCollection(t *testing.T) {
	const dir = "../../testdata/collection"
	root, entries, err := loader.ScanPath(dir)
	if err != nil {
		t.Fatal(err)
	}
	recs, errs := export(t, root, entries, 3)
	if len(errs) != 0 || len(recs) != len(entries) {
		t.Fatalf("%d records and errors %v for %d entries", len(recs), errs, len(entries))
	}
	withImages := 0
	for i, r := range recs {
		e := entries[i]
		a, err := loader.Load(root, e)
		if err != nil {
			t.Fatal(err)
		}
		lines, images := cleanedParagraphs(a)
		if got := strings.Split(r.Text, "\n"); r.Text != strings.Join(lines, "\n") {
			t.Errorf("%s: text lines\n%q\nwant\n%q", e.RelPath, got, lines)
		}
		if r.Images != images {
			t.Errorf("%s: images %d, want %d", e.RelPath, r.Images, images)
		}
		if images > 0 {
			withImages++
		}
		raw, err := os.ReadFile(dir + "/" + e.RelPath)
		if err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256(raw)
		if r.ID != hex.EncodeToString(sum[:]) {
			t.Errorf("%s: id %s is not the SHA-256 of the file", e.RelPath, r.ID)
		}
		if r.Prefix != e.Prefix || r.Path != loader.DisplayPath(e.RelPath) || r.Encoding != a.Encoding {
			t.Errorf("%s: prefix %q path %q encoding %q; want %q %q %q", e.RelPath, r.Prefix, r.Path, r.Encoding,
				e.Prefix, loader.DisplayPath(e.RelPath), a.Encoding)
		}
		if r.Title != a.Blocks[0].Text && e.Title != "" {
			t.Errorf("%s: title %q, reader shows %q", e.RelPath, r.Title, a.Blocks[0].Text)
		}
		if strings.Contains(r.Text, loader.ImageText) || strings.Contains(r.Text, "\u3000\u3000") {
			t.Errorf("%s: image line or indent left in %q", e.RelPath, r.Text)
		}
	}
	if withImages == 0 {
		t.Error("no article of the sample collection has an image: the count is untested")
	}
}

func TestRunOrderBinaryAndMissing(t *testing.T) {
	fsys := fstest.MapFS{
		"1一.txt":     {Data: []byte("1一.txt\n<p>第一篇 &lt;b&gt; &amp; 正文</p>")},
		"2二.txt":     {Data: []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")},
		"sub/4四.txt": {Data: []byte("\xef\xbb\xbf4四.txt\n---------------\n----这里有图片----\n---------------\n第四篇")},
	}
	var entries []loader.Entry
	for _, rel := range []string{"1一.txt", "2二.txt", "3三.txt", "sub/4四.txt"} {
		p, title := loader.ParseName(rel[strings.LastIndex(rel, "/")+1:])
		entries = append(entries, loader.Entry{Prefix: p, Title: title, RelPath: rel})
	}
	for _, workers := range []int{1, 4} {
		recs, errs := export(t, fsys, entries, workers)
		if len(recs) != 2 || recs[0].Path != "1一.txt" || recs[1].Path != "sub/4四.txt" {
			t.Fatalf("records %+v", recs)
		}
		if recs[0].Text != "第一篇 <b> & 正文" || recs[0].Title != "一" || recs[0].Prefix != "1" || recs[0].Encoding != "utf-8" {
			t.Errorf("first record %+v", recs[0])
		}
		if recs[1].Text != "第四篇" || recs[1].Images != 1 || recs[1].Encoding != "utf-8-bom" {
			t.Errorf("second record %+v", recs[1])
		}
		if len(errs) != 2 || !errors.Is(errs[0].Err, loader.ErrBinary) || !errors.Is(errs[1].Err, fs.ErrNotExist) {
			t.Errorf("errors %v", errs)
		}
	}
}
