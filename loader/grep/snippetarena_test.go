package grep

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"newsbrowse/loader"
	"newsbrowse/loader/match"
)

// TestSnippetArenaSame checks that the arena makes the snippets
// SnippetSpan makes, by the plain path and the general one, and that
// every snippet it made is still the same once many more were made after
// it, the chunk full and a fresh one started, more than once.
func TestSnippetArenaSame(t *testing.T) {
	type made struct {
		snip, want  string
		span, wspan [2]int
	}
	var a snippetArena
	var all []made
	plain, general := 0, 0
	rng := rand.New(rand.NewPCG(31, 32))
	add := func(text string, s, e, width int) {
		var m made
		m.snip, m.span[0], m.span[1] = a.snippetSpan(text, s, e, narrow, width)
		m.want, m.wspan[0], m.wspan[1] = SnippetSpan(text, s, e, narrow, width)
		if m.snip != m.want || m.span != m.wspan {
			t.Fatalf("arena: %q %v, SnippetSpan gives %q %v", m.snip, m.span, m.want, m.wspan)
		}
		if _, _, _, ok := snippetPlain(text, s, e, narrow, width); ok {
			plain++
		} else {
			general++
		}
		all = append(all, m)
	}
	for _, tc := range plainCases() {
		s, e := matchAt(tc.text, tc.match)
		add(tc.text, s, e, tc.width)
	}
	for range 3000 {
		text := randomRaw(rng, 30)
		if rng.IntN(2) == 0 {
			text = randomIdeographs(rng, rng.IntN(80)) + text[:len(text)/4] + randomIdeographs(rng, rng.IntN(80))
		}
		i := rng.IntN(len(text) + 1)
		for i > 0 && i < len(text) && text[i]&0xc0 == 0x80 {
			i--
		}
		j := i + rng.IntN(min(12, len(text)-i)+1)
		for j < len(text) && text[j]&0xc0 == 0x80 {
			j++
		}
		add(text, i, j, 1+rng.IntN(40))
	}
	// one snippet larger than a chunk, then more in a fresh one
	long := strings.Repeat("甲", snippetChunk)
	add(long, 0, len(long), 3*snippetChunk)
	add("新闻", 0, len("新闻"), SnippetWidth)
	if plain < 100 || general < 100 {
		t.Fatalf("only %d snippets by the plain path, %d by the general one", plain, general)
	}
	size := 0
	for i, m := range all {
		if m.snip != m.want || m.span != m.wspan {
			t.Fatalf("snippet %d changed to %q, was %q", i, m.snip, m.want)
		}
		size += len(m.snip)
	}
	if size < 3*snippetChunk {
		t.Fatalf("only %d bytes of snippets: the chunk never rolled over", size)
	}
}

// TestWorkerSnippetsLast checks that the snippets a worker gives stay as
// they were while it counts many more articles, reusing its read buffer,
// its flat text and its arena.
func TestWorkerSnippetsLast(t *testing.T) {
	rng := rand.New(rand.NewPCG(33, 34))
	var w worker
	type kept struct {
		r       Result
		snippet string
		span    [2]int
	}
	var all []kept
	m := match.New("新闻")
	size := 0
	for i := range 4000 {
		var raw string
		switch i % 4 {
		case 0: // the plain path
			raw = fmt.Sprintf("<p>第%d篇：%s新闻%s</p>", i, randomIdeographs(rng, 20), randomIdeographs(rng, 40))
		case 1: // the general path: Latin words and white space
			raw = fmt.Sprintf("<p>report %d of the day\t新闻 seen by %d people</p>", i, rng.IntN(1e6))
		case 2: // a short line, kept whole
			raw = fmt.Sprintf("<p>%s新闻%d</p>", randomIdeographs(rng, 1+rng.IntN(8)), i)
		default: // a long paragraph, cut on both sides
			raw = "<p>" + randomIdeographs(rng, 100) + "新闻" + randomIdeographs(rng, 100) + "</p>"
		}
		title := fmt.Sprintf("标题%d", i)
		src, err := loader.SourceOf(loader.Entry{Title: title, RelPath: title + ".txt"}, []byte(raw))
		if err != nil {
			t.Fatal(err)
		}
		var r Result
		w.count(&r, src, m, narrow)
		count, snippet, span := fullCount(src, m)
		if r.Count != count || r.Snippet != snippet || r.Match != span {
			t.Fatalf("%q: count %d, snippet %q %v; the whole article gives %d, %q %v", raw, r.Count, r.Snippet, r.Match, count, snippet, span)
		}
		size += len(r.Snippet)
		all = append(all, kept{r, snippet, span})
	}
	if size < 3*snippetChunk {
		t.Fatalf("only %d bytes of snippets: the chunk never rolled over", size)
	}
	for i, k := range all {
		if k.r.Snippet != k.snippet || k.r.Match != k.span {
			t.Fatalf("the snippet of article %d changed to %q, was %q", i, k.r.Snippet, k.snippet)
		}
	}
}

// randomIdeographs returns n random ideographs.
func randomIdeographs(rng *rand.Rand, n int) string {
	var b strings.Builder
	for range n {
		b.WriteRune(rune(0x4e00 + rng.IntN(0x5000)))
	}
	return b.String()
}
