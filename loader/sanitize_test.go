package loader

import (
	"strings"
	"testing"
	"unicode/utf8"
)

var sanitizeCases = []struct {
	name, in, want, line string
}{
	{"plain", "县农业局开展培训", "县农业局开展培训", "县农业局开展培训"},
	{"newline and tab kept", "甲\n乙\t丙", "甲\n乙\t丙", "甲 乙 丙"},
	{"ESC sequence", "红\x1b[31m色\x1b[0m", "红[31m色[0m", "红[31m色[0m"},
	{"OSC title", "\x1b]0;标题\x07正文", "]0;标题正文", "]0;标题正文"},
	{"BEL", "响\x07铃", "响铃", "响铃"},
	{"NUL", "a\x00b", "ab", "ab"},
	{"CR", "a\r\nb", "a\nb", "a b"},
	{"DEL", "a\x7fb", "ab", "ab"},
	{"C1 CSI U+009B", "a\u009b31mb", "a31mb", "a31mb"},
	{"C1 NEL U+0085", "a\u0085b", "ab", "ab"},
	{"bidi override", "abc\u202edef\u202c", "abcdef", "abcdef"},
	{"bidi embeddings", "\u202a\u202b\u202dx", "x", "x"},
	{"bidi isolates", "\u2066a\u2067b\u2068c\u2069", "abc", "abc"},
	{"marks", "\u200ea\u200fb\u061cc", "abc", "abc"},
	{"line separators", "a\u2028b\u2029c", "a\nb\nc", "a b c"},
	{"invalid bytes", "a\xffb\xc0", "a\ufffdb\ufffd", "a\ufffdb\ufffd"},
	{"keeps U+3000 and NBSP", "\u3000\u3000甲\u00a0乙", "\u3000\u3000甲\u00a0乙", "\u3000\u3000甲\u00a0乙"},
	{"keeps zero width joiner", "a\u200db", "a\u200db", "a\u200db"},
	{"soft hyphens", "新\u00ad闻\u00ad", "新闻", "新闻"},
	{"default ignorables", "a\u034fb\u200bc\u2060d\ufeffe\u3164f\uffa0g\u115fh\U000E0001i", "abcdefghi", "abcdefghi"},
	{"keeps emoji sequences", "🏳\ufe0f\u200d🌈👍🏽", "🏳\ufe0f\u200d🌈👍🏽", "🏳\ufe0f\u200d🌈👍🏽"},
	{"entity text is not decoded", "&#27;&#x9b;", "&#27;&#x9b;", "&#27;&#x9b;"},
	{"empty", "", "", ""},
}

func TestSanitize(t *testing.T) {
	for _, tc := range sanitizeCases {
		if got := Sanitize(tc.in); got != tc.want {
			t.Errorf("%s: Sanitize(%q) = %q, want %q", tc.name, tc.in, got, tc.want)
		}
		if got := SanitizeLine(tc.in); got != tc.line {
			t.Errorf("%s: SanitizeLine(%q) = %q, want %q", tc.name, tc.in, got, tc.line)
		}
	}
}

func TestSanitizeNoAllocWhenClean(t *testing.T) {
	s := "306县农业局开展冬季果树修剪培训"
	if n := testing.AllocsPerRun(100, func() { _ = Sanitize(s); _ = SanitizeLine(s) }); n != 0 {
		t.Errorf("Sanitize of clean text allocates %v times", n)
	}
}

var visibleCases = []struct {
	name, in, want string
}{
	{"plain", "县农业局\n开展培训", "县农业局\n开展培训"},
	{"ESC", "a\x1b[31mb", "a^[[31mb"},
	{"BEL", "a\x07b", "a^Gb"},
	{"NUL", "a\x00b", "a^@b"},
	{"CR", "a\rb", "a^Mb"},
	{"DEL", "a\x7fb", "a^?b"},
	{"C1 CSI", "a\u009bb", "a<U+009B>b"},
	{"C1 first", "\u0080", "<U+0080>"},
	{"bidi", "a\u202eb\u2066c", "a<U+202E>b<U+2066>c"},
	{"marks", "\u200e\u061c", "<U+200E><U+061C>"},
	{"line separator", "a\u2028b", "a<U+2028>b"},
	{"tab", "\t甲", VisibleTab + "甲"},
	{"invalid byte", "a\xffb", "a<0xFF>b"},
	{"replacement char kept", "a\ufffdb", "a\ufffdb"},
	{"entities untouched", "&#27;&amp;", "&#27;&amp;"},
	{"empty", "", ""},
}

func TestVisible(t *testing.T) {
	for _, tc := range visibleCases {
		if got := Visible(tc.in); got != tc.want {
			t.Errorf("%s: Visible(%q) = %q, want %q", tc.name, tc.in, got, tc.want)
		}
	}
}

func TestKeepsThree(t *testing.T) {
	cases := []struct {
		in   string
		want bool
	}{
		{"\u0fff", false}, // lead 0xe0: left to the decoder
		{"\u1000", true},
		{"\u1fff", true},
		{"\u2028", false}, // lead 0xe2: line separator, bidi controls
		{"\u3000", true},
		{"新", true},
		{"\ucfff", true},
		{"\ud7ff", false}, // lead 0xed: surrogates follow
		{"\ue000", true},
		{"\uffff", true},
		{"\xe4\xb8", false},
		{"\xe4\x41\x42", false},
		{"\xe4\xb8\xc0", false},
		{"a", false},
	}
	for _, tc := range cases {
		if got := keepsThree(tc.in, 0); got != tc.want {
			t.Errorf("keepsThree(%q) = %v, want %v", tc.in, got, tc.want)
		}
		if tc.want && (!utf8.ValidString(tc.in) || classify([]rune(tc.in)[0]) != keep) {
			t.Errorf("keepsThree(%q): not a rune classify keeps", tc.in)
		}
	}
}

// TestSafeASCII8 checks the eight-byte test of firstUnsafe against
// classify, for every byte value at every position among safe bytes.
func TestSafeASCII8(t *testing.T) {
	for pos := range 8 {
		for c := range 256 {
			b := []byte("abcd<ef>")
			b[pos] = byte(c)
			want := c >= 0x20 && c < 0x7f
			if got := safeASCII8(string(b)); got != want {
				t.Fatalf("safeASCII8(%q) = %v", b, got)
			}
		}
	}
	for _, tc := range sanitizeCases {
		for _, s := range []string{tc.in, strings.Repeat("x", 7) + tc.in, "<div style='a'>" + tc.in + "</div>"} {
			if got, want := Sanitize(s), sanitizeSlow(s, false); got != want {
				t.Fatalf("Sanitize(%q) = %q, want %q", s, got, want)
			}
			if got, want := SanitizeLine(s), sanitizeSlow(s, true); got != want {
				t.Fatalf("SanitizeLine(%q) = %q, want %q", s, got, want)
			}
		}
	}
}

// sanitizeSlow is sanitize rune by rune, without the search for the
// first rune to change.
func sanitizeSlow(s string, line bool) string {
	var b strings.Builder
	for _, r := range s {
		switch classify(r) {
		case drop:
			continue
		case newline:
			r = '\n'
		}
		if line && (r == '\n' || r == '\t') {
			r = ' '
		}
		b.WriteRune(r)
	}
	return b.String()
}

// TestKeepsThreeEveryRune checks keepsThree against classify for every
// character of three bytes.
func TestKeepsThreeEveryRune(t *testing.T) {
	for r := rune(0x800); r <= 0xffff; r++ {
		if r >= 0xd800 && r <= 0xdfff {
			continue
		}
		s := string(r)
		lead := s[0]
		covered := lead == 0xe1 || lead >= 0xe3 && lead <= 0xec || lead == 0xee || lead == 0xef
		if got, want := keepsThree(s, 0), covered && classify(r) == keep; got != want {
			t.Fatalf("keepsThree(%U) = %v, want %v", r, got, want)
		}
	}
}
