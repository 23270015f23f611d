package loader

import (
	"strings"
	"testing"
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
