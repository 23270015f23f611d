package match

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// runeFold is one step of decoding: original bytes [start, end) and their fold.
type runeFold struct {
	start, end int
	fold       string
}

func foldSteps(text string, insensitive bool) []runeFold {
	var steps []runeFold
	for i := 0; i < len(text); {
		b, n := appendRuneFold(nil, text[i:], insensitive)
		steps = append(steps, runeFold{i, i + n, string(b)})
		i += n
	}
	return steps
}

// naiveFindAll is the definition of a match, run rune by rune: the leftmost
// run of whole runes whose folds concatenate to the folded query.
func naiveFindAll(m *Matcher, text string) [][2]int {
	if m.Empty() {
		return nil
	}
	steps := foldSteps(text, m.insensitive)
	var out [][2]int
	for i := 0; i < len(steps); {
		acc := ""
		j := i
		for ; j < len(steps) && len(acc) < len(m.needle); j++ {
			acc += steps[j].fold
			if !strings.HasPrefix(m.needle, acc) {
				break
			}
		}
		if acc == m.needle {
			out = append(out, [2]int{steps[i].start, steps[j-1].end})
			i = j
			continue
		}
		i++
	}
	return out
}

func FuzzFindAll(f *testing.F) {
	for _, tc := range findCases {
		f.Add(tc.query, tc.text, tc.smart)
	}
	f.Add("ab", "ＡＢab\xffＡ\u0301ﬁ", false)
	f.Fuzz(func(t *testing.T, query, text string, smart bool) {
		m := Compile(query, smart)
		got := m.FindAll(text)
		boundary := map[int]bool{len(text): true}
		for i := 0; i < len(text); {
			boundary[i] = true
			_, n := utf8.DecodeRuneInString(text[i:])
			i += n
		}
		last := 0
		for _, r := range got {
			s, e := r[0], r[1]
			if s < last || s >= e || e > len(text) {
				t.Fatalf("range %v out of order or bounds (last end %d, len %d)", r, last, len(text))
			}
			if !boundary[s] || !boundary[e] {
				t.Fatalf("range %v not on rune boundaries of %q", r, text)
			}
			if f := string(appendFold(nil, text[s:e], m.insensitive)); f != m.needle {
				t.Fatalf("range %v folds to %q, want %q", r, f, m.needle)
			}
			last = e
		}
		if want := naiveFindAll(m, text); !reflect.DeepEqual(got, want) {
			t.Fatalf("FindAll(%q in %q) = %v, naive = %v", query, text, got, want)
		}
		if m.Count(text) != len(got) || m.Match(text) != (len(got) > 0) {
			t.Fatalf("Count/Match disagree with FindAll")
		}
	})
}
