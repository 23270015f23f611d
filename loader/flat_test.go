package loader

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// checkFlat compares Flat.Build with the flat text of the article and
// its search text, building into f after whatever f built before.
func checkFlat(t *testing.T, f *Flat, title string, data []byte) {
	t.Helper()
	e := Entry{Title: title, RelPath: title + ".txt"}
	src, _ := SourceOf(e, data)
	a, _ := src.Article()
	want := a.Flat()
	f.Build(src)
	if got := f.Text(); got != want {
		t.Fatalf("%q, %q: flat text\n got %q\nwant %q", title, data, got, want)
	}
	if got, want := f.SearchText(), SearchText(want, a.Blocks); got != want {
		t.Fatalf("%q, %q: search text\n got %q\nwant %q", title, data, got, want)
	}
}

// flatSeeds returns texts that take every way through cleaning: the
// clean cases, the tag seeds (comments and raw text go to the tokenizer
// after scanTags gave up part way) and the sample collections.
func flatSeeds(t testing.TB) []string {
	var out []string
	for _, tc := range cleanCases {
		out = append(out, tc.in)
	}
	out = append(out, scanTagSeeds...)
	out = append(out, plainSeeds...)
	out = append(out, scanTagSamples(t)...)
	out = append(out, "<p>甲</p>---\n这里有图片\n---\n<p>乙</p><!-- 丙 --><img>丁", "\x00binary\x01\x02")
	return out
}

func TestFlatSameAsArticle(t *testing.T) {
	var f Flat // reused, as a search reuses it
	for _, s := range flatSeeds(t) {
		for _, title := range []string{"", "标题", " \u3000\x1b[31m标\n题 "} {
			checkFlat(t, &f, title, []byte(s))
		}
	}
	// a huge article, whose blocks share their flat text
	big := "<p>" + strings.Repeat("正文，", compactFrom/9+1) + "</p>"
	checkFlat(t, &f, "大", []byte(big))
}

func FuzzFlatSameAsArticle(f *testing.F) {
	for _, s := range flatSeeds(f) {
		f.Add("标题", []byte(s))
	}
	var fl Flat
	f.Fuzz(func(t *testing.T, title string, data []byte) {
		if len(data) > 1<<14 {
			return
		}
		checkFlat(t, &fl, title, data)
	})
}

var trimSpaceSeeds = []string{
	"", " ", "a", "标题", " 标题 ", "\u3000标题\u3000", "标题\u3000", "\u3000", "\u2003x", "x\u2003", "\u3001x\u3001",
	"a\t", "\ta", "\u00a0a", "a\u00a0", "\u1680a", "\u205f", "\uffff\u4e00", "\u3000\u3000\u3000",
}

func TestTrimSpace(t *testing.T) {
	for _, s := range trimSpaceSeeds {
		if got, want := trimSpace(s), strings.TrimSpace(s); got != want {
			t.Errorf("trimSpace(%q) = %q, want %q", s, got, want)
		}
	}
	// every rune of three bytes first and last
	for r := rune(0x800); r <= 0xffff; r++ {
		if !utf8.ValidRune(r) {
			continue
		}
		for _, s := range []string{string(r), string(r) + "x", "x" + string(r), string(r) + "标题" + string(r)} {
			if got, want := trimSpace(s), strings.TrimSpace(s); got != want {
				t.Fatalf("trimSpace(%q) = %q, want %q", s, got, want)
			}
		}
	}
}

func FuzzTrimSpace(f *testing.F) {
	for _, s := range trimSpaceSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		if got, want := trimSpace(s), strings.TrimSpace(s); got != want {
			t.Fatalf("trimSpace(%q) = %q, want %q", s, got, want)
		}
	})
}
