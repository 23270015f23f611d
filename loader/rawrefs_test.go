package loader

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// checkReferencesASCII checks the promise of ReferencesASCII: when it holds,
// every character References finds in b decoded as UTF-8 or as GB18030 is
// one References finds in the bytes taken as they are.
func checkReferencesASCII(t *testing.T, b []byte) {
	t.Helper()
	if !ReferencesASCII(b) {
		return
	}
	raw := References(string(b))
	text, _ := Decode(b)
	for _, view := range []string{decodeGB18030(b), validUTF8(b), text} {
		for _, r := range References(view) {
			if !strings.ContainsRune(raw, r) {
				t.Fatalf("%q: References of %q gives %U, not in %q", b, view, r, raw)
			}
		}
	}
}

var referencesASCIICases = []struct {
	in   string
	want bool
}{
	{"", true},
	{"没有引用", true},
	{"&amp;&lt;&#22522;&#x51c6;", true},
	{"&amp&lt;", true},
	{"a&b c", true},
	{"&nbsp\x01;", true},
	{"&nbsp\r;", true},
	{"&amp;基准", true},
	{"&amp基准", false},
	{"&#22522\xbb\xf9", false},
	{"&am\xe2\x80\x8bp;", false},
	{"\x81&amp;", true},
	{"&\x81", false},
	{"&", true},
	{"&&&", true},
}

func TestReferencesASCII(t *testing.T) {
	for _, tc := range referencesASCIICases {
		if got := ReferencesASCII([]byte(tc.in)); got != tc.want {
			t.Errorf("ReferencesASCII(%q) = %v, want %v", tc.in, got, tc.want)
		}
		checkReferencesASCII(t, []byte(tc.in))
	}
	rng := rand.New(rand.NewPCG(3, 4))
	pieces := []string{"&", "amp", "#", "22522", "x51c6", ";", "\x01", "\r", "\n", " ", "基", "\xbb\xf9", "\x81",
		"\x81\x30", "\x81\x30\x89\x38", "\xe2\x80\x8b", "\xa3\xa0", "\x80", "lt", "nbsp", "<b>", "\ufeff"}
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(12) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		checkReferencesASCII(t, []byte(b.String()))
	}
}

func FuzzReferencesASCII(f *testing.F) {
	for _, tc := range referencesASCIICases {
		f.Add([]byte(tc.in))
	}
	f.Fuzz(func(t *testing.T, b []byte) { checkReferencesASCII(t, b) })
}
