package grep

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"strings"
	"testing"
	"testing/fstest"

	"newsbrowse/loader"
	"newsbrowse/loader/match"
)

// unfiltered is searchEntry without the look at the origins of the text:
// every article is loaded, cleaned and searched.
func unfiltered(fsys fs.FS, i int, e loader.Entry, m *match.Matcher) Result {
	r := Result{Index: i, Entry: e}
	if m.Empty() {
		return r
	}
	a, err := loader.Load(fsys, e)
	if err != nil {
		r.Err = err
		return r
	}
	text, _ := loader.Flatten(a.Blocks)
	found := m.FindAll(loader.SearchText(text, a.Blocks)) // image placeholders are not text
	if r.Count = len(found); r.Count > 0 {
		r.Snippet = Snippet(text, found[0][0], found[0][1], narrow, SnippetWidth)
	}
	return r
}

// rawPieces are fragments of raw article text around what cleaning does:
// markup of every kind, references (also cut, unknown or broken by a
// control), controls, line ends, banners, and text that folds.
var rawPieces = []string{
	"<p>", "</p>", "<span>", "</span>", "<b>", "</b>", "<br/>", "<div class='x&amp;y'>", "</div>",
	"<!-- 新闻&lt; -->", "<script>var a='&#65;新';</script>", "<style>.x{}</style>", "<title>&#x95FB;</title>",
	"<textarea>&lt;b&gt;</textarea>", "<img src=a>", "<h2>", "</h2>",
	"&nbsp;", "&amp;", "&lt;", "&gt;", "&ldquo;", "&rdquo;", "&mdash;", "&#12288;", "&#x41;", "&#0;", "&#x65B0;",
	"&am\x01p;", "&", "&#", ";", "\x01", "\x1b", "\u202e", "\u2028", "\u3000", "\u00a0", "\r\n", "\n", "\n\n", " ",
	"新闻", "新", "闻", "图片", "冰灯", "“", "”", "—", "ABC", "abc", "ａｂｃ", "ＲＥＡＤＭＥ", "readme", "ﬁ", "㍿",
	"\u2F00", "一", "\ufffd", "\xff", "----------", "---这里有图片---", "-----\n--这里有图片--\n-----\n",
	"<", ">", "a<1",
}

func randomRaw(rng *rand.Rand, n int) string {
	var b strings.Builder
	for range rng.IntN(n + 1) {
		b.WriteString(rawPieces[rng.IntN(len(rawPieces))])
	}
	return b.String()
}

// checkPrefilter fails when MayOccur rules an article out although the
// query matches it as shown.
func checkPrefilter(t *testing.T, raw []byte, title, query string, smart bool) {
	t.Helper()
	if loader.IsBinary(raw) {
		return
	}
	text, _ := loader.Decode(raw)
	src := loader.Source{Entry: loader.Entry{Title: title}, Text: text}
	a, _ := src.Article()
	flat, _ := loader.Flatten(a.Blocks)
	m := match.Compile(query, smart)
	origins := src.Origins()
	may := m.MayOccur(origins[:]...)
	if !may && m.Match(flat) {
		t.Fatalf("%q in %q (title %q): ruled out, but the article %q holds it", query, raw, title, flat)
	}
	// as the search asks, building the references only when needed
	plain := src.PlainOrigins()
	if then := m.MayOccurThen(func() string { return loader.References(src.Text) }, plain[:]...); then != may {
		t.Fatalf("%q in %q: MayOccurThen %v, MayOccur %v", query, raw, then, may)
	}
}

// TestPrefilterKeepsMatches takes queries from the cleaned text itself, so
// that every one matches and must not be ruled out, and others at random.
func TestPrefilterKeepsMatches(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	for range 3000 {
		raw, title := randomRaw(rng, 20), randomRaw(rng, 3)
		text, _ := loader.Decode([]byte(raw))
		a, _ := loader.Source{Entry: loader.Entry{Title: title}, Text: text}.Article()
		flat, _ := loader.Flatten(a.Blocks)
		runes := []rune(flat)
		for range 4 {
			var q string
			if len(runes) > 0 && rng.IntN(4) > 0 {
				i := rng.IntN(len(runes))
				q = string(runes[i:min(len(runes), i+1+rng.IntN(6))])
			} else {
				q = randomRaw(rng, 2)
			}
			checkPrefilter(t, []byte(raw), title, q, rng.IntN(2) == 0)
		}
	}
}

func FuzzPrefilter(f *testing.F) {
	rng := rand.New(rand.NewPCG(9, 10))
	for range 40 {
		f.Add([]byte(randomRaw(rng, 10)), randomRaw(rng, 2), randomRaw(rng, 1), rng.IntN(2) == 0)
	}
	f.Add([]byte("<span>新</span><span>闻</span>"), "", "新闻", true)
	f.Add([]byte("&ldquo;冰灯&rdquo;"), "冰灯", "“冰灯”", true)
	f.Add([]byte("<p>ＲＥＡＤＭＥ</p>"), "", "readme", false)
	f.Add([]byte("---\n--这里有图片--\n---\n"), "", "[图片]", true)
	f.Fuzz(func(t *testing.T, raw []byte, title, query string, smart bool) {
		checkPrefilter(t, raw, title, query, smart)
	})
}

// TestSearchAsUnfiltered compares Search with a search that cleans every
// article, on the test collection and on generated articles, for queries
// of every kind: a Chinese word, ASCII in both cases, full width, curly
// quotes written as references, a word split by tags, the image text.
func TestSearchAsUnfiltered(t *testing.T) {
	fsys, entries := testCollection(t)
	rng := rand.New(rand.NewPCG(11, 12))
	for i := range 300 {
		name := fmt.Sprintf("gen/%03d第%d期简讯.txt", i, i)
		fsys[name] = &fstest.MapFile{Data: []byte(name + "\n" + randomRaw(rng, 30))}
		entries = append(entries, entry(name))
	}
	queries := []string{"新闻", "图书馆", "abc", "ABC", "ＲＥＡＤＭＥ", "readme", "“冰灯”", "冰灯", "[图片]",
		"\u3000\u3000新", "—", "ﬁ", "株式", "<", "&", "amp", "一", "\ufffd", "简讯", "期简"}
	for _, q := range queries {
		for _, smart := range []bool{true, false} {
			m := match.Compile(q, smart)
			i := 0
			Search(context.Background(), fsys, entries, m, narrow, 2, func(r Result) {
				want := unfiltered(fsys, i, entries[i], m)
				if r.Index != want.Index || r.Count != want.Count || r.Snippet != want.Snippet || !sameErr(r.Err, want.Err) {
					t.Errorf("%q (smart %v) in %s: %+v, want %+v", q, smart, entries[i].RelPath, r, want)
				}
				i++
			})
			if i != len(entries) {
				t.Fatalf("%q: %d results for %d entries", q, i, len(entries))
			}
		}
	}
}

func sameErr(a, b error) bool {
	if a == nil || b == nil {
		return a == b
	}
	return a.Error() == b.Error() && errors.Is(a, loader.ErrBinary) == errors.Is(b, loader.ErrBinary)
}
