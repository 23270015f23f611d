package grep

import (
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"

	"newsbrowse/loader"
	"newsbrowse/loader/match"
)

// fullCount is what counting did before loader.Flat: the whole article
// with its blocks, its flat text, the search text, every match, and the
// snippet of the first.
func fullCount(src loader.Source, m *match.Matcher) (count int, snippet string, span [2]int) {
	a, _ := src.Article()
	text := a.Flat()
	start, end := -1, -1
	for s, e := range m.All(loader.SearchText(text, a.Blocks)) {
		if count == 0 {
			start, end = s, e
		}
		count++
	}
	if count > 0 {
		snippet, span[0], span[1] = SnippetSpan(text, start, end, narrow, SnippetWidth)
	}
	return count, snippet, span
}

// countChecker compares worker.count with fullCount, reusing one worker
// as Search does, and checks that a result already given does not change
// when the worker counts the next article (its snippet must not share the
// worker's memory).
type countChecker struct {
	w    worker
	last Result
	want string
}

func (c *countChecker) check(t *testing.T, raw []byte, title, query string, smart bool) {
	t.Helper()
	src, err := loader.SourceOf(loader.Entry{Title: title, RelPath: title + ".txt"}, raw)
	if err != nil {
		return // binary: Search reports the error and counts nothing
	}
	m := match.Compile(query, smart)
	var r Result
	c.w.count(&r, src, m, narrow)
	count, snippet, span := fullCount(src, m)
	if r.Count != count || r.Snippet != snippet || r.Match != span {
		t.Fatalf("%q in %q (title %q): count %d, snippet %q %v; the whole article gives %d, %q %v",
			query, raw, title, r.Count, r.Snippet, r.Match, count, snippet, span)
	}
	if c.last.Snippet != c.want {
		t.Fatalf("the snippet before changed to %q, was %q", c.last.Snippet, c.want)
	}
	c.last, c.want = r, snippet
}

// countSamples returns the sample articles of the repository.
func countSamples(t testing.TB) map[string][]byte {
	out := map[string][]byte{}
	for _, root := range []string{"../../testdata/collection", "../../testdata/hostile"} {
		err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil || !d.Type().IsRegular() {
				return err
			}
			b, err := os.ReadFile(p)
			out[filepath.Base(p)] = b
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if len(out) < 10 {
		t.Fatalf("only %d samples", len(out))
	}
	return out
}

var countQueries = []string{"新闻", "图书馆", "abc", "ABC", "ＳＱＬ", "sql", "“冰灯”", "冰灯", "[图片]", "图片",
	"\u3000\u3000新", " ", "\n", "—", "ﬁ", "<", "&", "amp", "nbsp", "一", "\ufffd", "。", "，", "的", "冰灯艺术节"}

func TestFastCountEqualsFull(t *testing.T) {
	var c countChecker
	for name, raw := range countSamples(t) {
		for _, q := range countQueries {
			for _, smart := range []bool{true, false} {
				c.check(t, raw, name, q, smart)
			}
		}
	}
	rng := rand.New(rand.NewPCG(21, 22))
	for range 3000 {
		raw, title := randomRaw(rng, 30), randomRaw(rng, 3)
		a, _ := loader.Source{Entry: loader.Entry{Title: title}, Text: raw}.Article()
		runes := []rune(a.Flat())
		q := countQueries[rng.IntN(len(countQueries))]
		if len(runes) > 0 && rng.IntN(2) == 0 {
			i := rng.IntN(len(runes))
			q = string(runes[i:min(len(runes), i+1+rng.IntN(6))])
		}
		c.check(t, []byte(raw), title, q, rng.IntN(2) == 0)
	}
}

func FuzzFastCountEqualsFull(f *testing.F) {
	rng := rand.New(rand.NewPCG(23, 24))
	for range 40 {
		f.Add([]byte(randomRaw(rng, 12)), randomRaw(rng, 2), countQueries[rng.IntN(len(countQueries))], rng.IntN(2) == 0)
	}
	for name, raw := range countSamples(f) {
		f.Add(raw, name, "新闻", true)
	}
	f.Add([]byte("<span>新</span><span>闻</span>"), "", "新闻", true)
	f.Add([]byte("&ldquo;冰灯&rdquo;"), "冰灯", "“冰灯”", true)
	f.Add([]byte("---\n--这里有图片--\n---\n<p>图片</p>"), "", "图片", true)
	var c countChecker
	f.Fuzz(func(t *testing.T, raw []byte, title, query string, smart bool) {
		if len(raw) > 1<<14 {
			return
		}
		c.check(t, raw, title, query, smart)
	})
}
