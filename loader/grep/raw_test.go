package grep

import (
	"errors"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"

	"newsbrowse/loader"
	"newsbrowse/loader/match"
)

// TestGBAlsoComplete reads every GB18030 sequence of one, two and four
// bytes: a rune it decodes to from bytes other than its encoding is in
// gbAlso with them, so rawFilter knows every way GB18030 writes a rune.
func TestGBAlsoComplete(t *testing.T) {
	dec := simplifiedchinese.GB18030.NewDecoder()
	enc := simplifiedchinese.GB18030.NewEncoder()
	found := 0
	check := func(seq []byte) {
		out, err := dec.Bytes(seq)
		if err != nil {
			return
		}
		r, n := utf8.DecodeRune(out)
		if n != len(out) || r == utf8.RuneError {
			return
		}
		if e, err := enc.Bytes(out); err == nil && string(e) == string(seq) {
			return
		}
		found++
		if !slices.Contains(gbAlso[r], string(seq)) {
			t.Errorf("% x decodes to %U, which gbAlso lacks", seq, r)
		}
	}
	for a := range 256 {
		check([]byte{byte(a)})
		for b := range 256 {
			check([]byte{byte(a), byte(b)})
		}
	}
	for a := 0x81; a <= 0xfe; a++ {
		for b := 0x30; b <= 0x39; b++ {
			for c := 0x81; c <= 0xfe; c++ {
				for d := 0x30; d <= 0x39; d++ {
					check([]byte{byte(a), byte(b), byte(c), byte(d)})
				}
			}
		}
	}
	if n := 0; found != len(gbAlso) {
		for _, v := range gbAlso {
			n += len(v)
		}
		if found != n {
			t.Errorf("%d sequences decode off their encoding, gbAlso holds %d", found, n)
		}
	}
}

// checkRawFilter fails when the filter passes over a file in which the
// search, decoding it, finds the query.
func checkRawFilter(t *testing.T, query string, raw []byte, title string) (passed bool) {
	t.Helper()
	m := match.Compile(query, true)
	return checkRawFilterOf(t, m, newRawFilter(m), raw, title)
}

func checkRawFilterOf(t *testing.T, m *match.Matcher, f *rawFilter, raw []byte, title string) (passed bool) {
	t.Helper()
	query := m.Query()
	if f == nil || !f.rulesOut(raw, title) {
		return false
	}
	e := loader.Entry{Title: title, RelPath: "a.txt"}
	var w worker
	r := w.searchEntry(fstest.MapFS{"a.txt": {Data: raw}}, 0, e, m, narrow)
	if r.Count > 0 || r.Err != nil && !errors.Is(r.Err, loader.ErrBinary) {
		t.Fatalf("%q in %q (title %q): passed over, but the search finds %d (%v)", query, raw, title, r.Count, r.Err)
	}
	return true
}

var rawFilterCases = []struct {
	query, raw, title string
	passed            bool
}{
	{"基准词", "001标题.txt\n<p>\u3000\u3000没有那个词。</p>", "标题", true},
	{"基准词", "001标题.txt\n<p>\u3000\u3000有基准词。</p>", "标题", false},
	{"基准词", "001标题.txt\n<p>有基<b>准</b>词。</p>", "标题", false},
	{"基准词", "001标题.txt\n<p>有&#22522;准词。</p>", "标题", false},
	{"基准词", "001标题.txt\n<p>有&#x57fa;准词。</p>", "标题", false},
	{"基准词", "001标题.txt\n<p>有基準詞。</p>", "标题", false},
	{"基准词", "001标题.txt\n<p>没有。</p>", "基准词", false},
	{"基准词", "\xff\xfe\xfa\x57\xc6\x51\xcd\x8b", "标题", false}, // UTF-16
	{"基准词", "\xbb\xf9\xd7\xbc\xb4\xca", "标题", false},
	{"基准词", "没有&am\xe2\x80\x8bp;", "标题", false}, // a reference read otherwise in GB18030
	{"基准词", "没有&amp;", "标题", true},
	{"基准词", "没有&am\xbb\xf9p;准词", "标题", false},
	{"服务", "001标题.txt\n<p>\u3000\u3000服务。</p>", "标题", false},
	{"服务", "001标题.txt\n<p>\u3000\u3000没有。</p>", "标题", true},
	{"服务", "\x00\x01服", "标题", true},
}

func TestRawFilter(t *testing.T) {
	for _, tc := range rawFilterCases {
		if got := checkRawFilter(t, tc.query, []byte(tc.raw), tc.title); got != tc.passed {
			t.Errorf("%q in %q: passed over %v, want %v", tc.query, tc.raw, got, tc.passed)
		}
	}
	if newRawFilter(match.Compile("5G", true)) != nil || newRawFilter(match.Compile("ＳＱＬ", true)) != nil {
		t.Error("a filter for a query not made of ideographs")
	}
	// files of every kind, made of pieces that hold the query's runes in
	// every way, or not
	rng := rand.New(rand.NewPCG(5, 6))
	gb := func(s string) string { b, _ := simplifiedchinese.GB18030.NewEncoder().String(s); return b }
	pieces := []string{"基", "准", "词", "準", "詞", gb("基"), gb("准词"), gb("没有"), "&#22522;", "&#x51c6;", "&", "#", "amp;",
		"<b>", "</b>", "没有", "\u3000", "\r\n", "\x00", "\x01", "\xff\xfe", "\xef\xbb\xbf", "\x80", "\xe2\x80\x8b", "\x81", "a", ";"}
	passed := 0
	var ms []*match.Matcher
	for _, q := range []string{"基准词", "准", "基准"} {
		ms = append(ms, match.Compile(q, true))
	}
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(10) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		title := []string{"标题", "基准", "词"}[rng.IntN(3)]
		for _, m := range ms {
			if checkRawFilterOf(t, m, newRawFilter(m), []byte(b.String()), title) {
				passed++
			}
		}
	}
	if passed == 0 {
		t.Error("no generated file passed over: the test does not test the filter")
	}
}

func FuzzRawFilter(f *testing.F) {
	for _, tc := range rawFilterCases {
		f.Add(tc.query, []byte(tc.raw), tc.title)
	}
	f.Fuzz(func(t *testing.T, query string, raw []byte, title string) {
		checkRawFilter(t, query, raw, title)
	})
}
