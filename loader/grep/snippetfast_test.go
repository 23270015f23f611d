package grep

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"

	"github.com/rivo/uniseg"

	"newsbrowse/loader"
)

// lonePunct are the characters besides the ideographs that loneRuneLen
// accepts.
const lonePunct = "、。〃〈〉《》「」『』【】！（），：；？“”—…"

// loneSample returns the characters loneRuneLen accepts: every
// ideograph when all is set, else one in 97 of them.
func loneSample(all bool) []string {
	var out []string
	step := rune(97)
	if all {
		step = 1
	}
	for r := rune(0x4e00); r <= 0x9fff; r += step {
		out = append(out, string(r))
	}
	for _, r := range lonePunct {
		out = append(out, string(r))
	}
	return out
}

// TestLoneRunes checks the claims the fast paths rest on: each accepted
// character is one word, one grapheme cluster, not white space, kept by
// the sanitizer and measured by StringWidth as by RuneWidth; two of them
// side by side are two words, and any two plain characters two clusters.
func TestLoneRunes(t *testing.T) {
	lone := loneSample(true)
	for _, s := range lone {
		r := []rune(s)[0]
		if loneRuneLen(s) != len(s) {
			t.Fatalf("%q not accepted", s)
		}
		if w, _, _ := uniseg.FirstWordInString(s, -1); w != s {
			t.Fatalf("%q is not one word", s)
		}
		if g, _, _, _ := uniseg.FirstGraphemeClusterInString(s, -1); g != s {
			t.Fatalf("%q is not one cluster", s)
		}
		if unicode.IsSpace(r) || loader.SanitizeLine(s) != s {
			t.Fatalf("%q is space or not kept", s)
		}
		for _, c := range []*struct{ name string }{{"narrow"}, {"wide"}} {
			cond := narrow
			if c.name == "wide" {
				cond = wide
			}
			if cond.StringWidth(s) != cond.RuneWidth(r) || cond.StringWidth(s+s) != 2*cond.RuneWidth(r) {
				t.Fatalf("%q: StringWidth differs from RuneWidth (%s)", s, c.name)
			}
		}
	}
	sample := loneSample(false)
	var plain []string
	for c := byte('!'); c < 0x7f; c++ {
		plain = append(plain, string(c))
	}
	plain = append(plain, sample...)
	for _, a := range plain {
		for _, b := range plain {
			if g, _, _, _ := uniseg.FirstGraphemeClusterInString(a+b, -1); g != a {
				t.Fatalf("%q%q: first cluster %q", a, b, g)
			}
			if loneRuneLen(a) == 0 || loneRuneLen(b) == 0 {
				continue
			}
			if w, _, _ := uniseg.FirstWordInString(a+b, -1); w != a {
				t.Fatalf("%q%q: first word %q", a, b, w)
			}
		}
	}
	for _, s := range []string{"", " ", "a", "a b", "\u3000", "Ａ", "５", "ア", "e\u0301", "\xe4\xb8", "\xe4\xb7\x80"} {
		if s != "" && loneRunes(s) {
			t.Errorf("loneRunes(%q)", s)
		}
	}
}

// checkFastSnippet compares the fast paths with the general functions on s.
func checkFastSnippet(t *testing.T, s string, w int) {
	t.Helper()
	if got, want := collapse(s), collapseRunes(s); got != want {
		t.Fatalf("collapse(%q) = %q, want %q", s, got, want)
	}
	for _, cond := range []*struct{ wide bool }{{false}, {true}} {
		c := narrow
		if cond.wide {
			c = wide
		}
		if got, want := textWidth(c, s), c.StringWidth(s); got != want {
			t.Fatalf("textWidth(%q) = %d, want %d", s, got, want)
		}
		for _, words := range []bool{false, true} {
			if got, want := cutEnd(s, w, c, words), cutEndSegmented(s, w, c, words); got != want {
				t.Fatalf("cutEnd(%q, %d, %v) = %q, want %q", s, w, words, got, want)
			}
		}
		if got, want := cutStart(s, w, c), cutStartSegmented(s, w, c); got != want {
			t.Fatalf("cutStart(%q, %d) = %q, want %q", s, w, got, want)
		}
	}
}

func TestFastSnippetSame(t *testing.T) {
	pieces := append(loneSample(false), "a", "Z", "5", ",", ".", "'", " ", "\u3000", "\u00a0", "\n", "e\u0301", "５", "ア", "👩\u200d💻", "\x1b", "\xff", "\u0301", "\ufe0f", "\u0600", "\u200d", "\U0001F1E6")
	rng := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		var b strings.Builder
		n := rng.IntN(24)
		lone := rng.IntN(2) == 0
		for range n {
			p := pieces[rng.IntN(len(pieces))]
			if lone && loneRuneLen(p) == 0 {
				continue
			}
			b.WriteString(p)
		}
		checkFastSnippet(t, b.String(), rng.IntN(40))
	}
}

func FuzzFastSnippetSame(f *testing.F) {
	f.Add("社区图书馆开放，“现在借书方便多了。”", 9)
	f.Add("5G智慧课堂服务时长翻番", 7)
	f.Add("《新闻》【图片】……——", 0)
	f.Add("甲 乙\u3000丙", 3)
	f.Fuzz(func(t *testing.T, s string, w int) {
		if len(s) > 1<<10 || w < 0 || w > 1<<10 {
			return
		}
		checkFastSnippet(t, s, w)
	})
}
