package wrap

import "testing"

func TestClassify(t *testing.T) {
	for _, c := range []struct {
		r    rune
		want uint8
	}{
		{' ', fSpace}, {'\t', fSpace}, {'\u200b', fSpace}, {'\n', fSpace}, {'\u2028', fSpace},
		{'\u3000', fCJK}, // the indent is kept
		{'a', fASCII}, {'7', fASCII}, {'%', fASCII}, {'/', fASCII},
		{',', fASCII | fNoStart}, {'.', fASCII | fNoStart}, {'?', fASCII | fNoStart}, {')', fASCII | fNoStart},
		{'(', fASCII | fNoEnd}, {'[', fASCII | fNoEnd},
		{'中', fCJK}, {'の', fCJK}, {'한', fCJK}, {'𠀀', fCJK},
		{'，', fCJK | fNoStart}, {'。', fCJK | fNoStart}, {'、', fCJK | fNoStart}, {'）', fCJK | fNoStart},
		{'」', fCJK | fNoStart}, {'》', fCJK | fNoStart}, {'！', fCJK | fNoStart},
		{'（', fCJK | fNoEnd}, {'「', fCJK | fNoEnd}, {'《', fCJK | fNoEnd}, {'【', fCJK | fNoEnd},
		{'“', fOpenQuote | fNoEnd}, {'‘', fOpenQuote | fNoEnd},
		{'”', fCloseQuote | fNoStart}, {'’', fCloseQuote | fNoStart},
		{'…', fGlue}, {'—', fGlue}, {'⋯', fGlue},
		{'·', fNoStart}, {'ー', fCJK | fNoStart}, {'っ', fCJK | fNoStart}, {'ヶ', fCJK | fNoStart},
		{'é', 0}, {'\u0301', 0},
	} {
		if got := classify(c.r); got != c.want {
			t.Errorf("classify(%q) = %08b, want %08b", c.r, got, c.want)
		}
	}
}

func TestBadCut(t *testing.T) {
	for _, c := range []struct {
		x, y rune
		want bool
	}{
		{'中', '文', false}, {'中', '，', true}, {'中', '”', true}, {'中', '·', true}, {'ト', 'ッ', true},
		{'（', '中', true}, {'“', '中', true}, {'(', 'a', true},
		{'…', '…', true}, {'—', '—', true}, {'中', '…', false}, {'…', '中', false}, {'…', '—', false},
		{'”', '“', false}, {'。', '“', false}, {'”', '中', false}, {'a', 'b', false},
	} {
		x, y := seg{r: c.x, flags: classify(c.x)}, seg{r: c.y, flags: classify(c.y)}
		if got := badCut(&x, &y); got != c.want {
			t.Errorf("badCut(%q, %q) = %v, want %v", c.x, c.y, got, c.want)
		}
	}
}

func TestQuoteBreak(t *testing.T) {
	for _, c := range []struct {
		x, y rune
		want bool
	}{
		{'说', '“', true}, {'。', '“', true}, {'”', '“', true}, {'”', '他', true}, {'’', '（', true},
		{'d', '“', false}, {'”', 'a', false}, {'“', '中', false}, {'中', '”', false}, {'中', '文', false},
	} {
		x, y := seg{r: c.x, flags: classify(c.x)}, seg{r: c.y, flags: classify(c.y)}
		if got := quoteBreak(&x, &y); got != c.want {
			t.Errorf("quoteBreak(%q, %q) = %v, want %v", c.x, c.y, got, c.want)
		}
	}
}
