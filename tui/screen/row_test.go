package screen

import (
	"reflect"
	"testing"
)

func TestLayoutOf(t *testing.T) {
	wide := newCond(true)
	for _, c := range []struct {
		row     string
		at, col []int
		wideCol []int // columns under the wide measure, when they differ
	}{
		{"", []int{0}, []int{0}, nil},
		{"ab", []int{0, 1, 2}, []int{0, 1, 2}, nil},
		{"中a", []int{0, 3, 4}, []int{0, 2, 3}, nil},
		{"e\u0301x", []int{0, 3, 4}, []int{0, 1, 2}, nil},
		{"\x1b[1m中\x1b[m", []int{0, 4, 7, 10}, []int{0, 0, 2, 2}, nil},
		{"“a”", []int{0, 3, 4, 7}, []int{0, 1, 2, 3}, []int{0, 2, 3, 5}},
		{"a\x1b]8;;u\x1b\\b", []int{0, 1, 9, 10}, []int{0, 1, 1, 2}, nil},
		{"👍🏽!", []int{0, 8, 9}, []int{0, 2, 3}, nil},
		{"a\x1b", []int{0, 1, 2}, []int{0, 1, 1}, nil},
		{"中\u0301a", []int{0, 5, 6}, []int{0, 2, 3}, nil}, // a mark joins the ideograph
		{"\x1b[1m　“文”…\x1b[m", []int{0, 4, 7, 10, 13, 16, 19, 22}, []int{0, 0, 2, 3, 5, 6, 7, 7}, []int{0, 0, 2, 4, 6, 8, 10, 10}},
	} {
		l := layoutOf(c.row, narrow)
		if !reflect.DeepEqual(l.at, c.at) || !reflect.DeepEqual(l.col, c.col) {
			t.Errorf("layoutOf(%q) = %v %v, want %v %v", c.row, l.at, l.col, c.at, c.col)
		}
		want := c.col
		if c.wideCol != nil {
			want = c.wideCol
		}
		if got := layoutOf(c.row, wide).col; !reflect.DeepEqual(got, want) {
			t.Errorf("layoutOf(%q) wide columns = %v, want %v", c.row, got, want)
		}
	}
}

func TestLayoutIndex(t *testing.T) {
	l := layoutOf("中ab", narrow) // cuts at 0, 3, 4, 5
	for off, want := range map[int]int{0: 0, 1: -1, 2: -1, 3: 1, 4: 2, 5: 3, 6: -1} {
		if got := l.index(off); got != want {
			t.Errorf("index(%d) = %d, want %d", off, got, want)
		}
	}
	if got := l.colAt(4); got != 3 {
		t.Errorf("colAt(4) = %d, want 3", got)
	}
	if got := l.width(); got != 4 {
		t.Errorf("width() = %d, want 4", got)
	}
}

func TestLastCommon(t *testing.T) {
	for _, c := range []struct {
		a, b  []int
		limit int
		want  int
	}{
		{[]int{0}, []int{0}, 5, 0},
		{[]int{0, 1, 2, 3}, []int{0, 1, 2, 3}, 2, 2},
		{[]int{0, 3, 6}, []int{0, 1, 2, 3, 4}, 5, 3},
		{[]int{0, 3, 6}, []int{0, 1, 2, 4, 6}, 6, 6},
		{[]int{0, 3, 6}, []int{0, 1, 2, 4, 6}, 5, 0},
		{[]int{0, 2, 4}, []int{0, 1, 3, 5}, 9, 0},
	} {
		if got := lastCommon(c.a, c.b, c.limit); got != c.want {
			t.Errorf("lastCommon(%v, %v, %d) = %d, want %d", c.a, c.b, c.limit, got, c.want)
		}
	}
}

func TestCommonPrefixSuffix(t *testing.T) {
	for _, c := range []struct {
		a, b           string
		prefix, suffix int
	}{
		{"", "", 0, 0},
		{"abc", "abc", 3, 3},
		{"abc", "abd", 2, 0},
		{"xbc", "abc", 0, 2},
		{"中文", "中字", 3, 0},
		{"ab", "abab", 2, 2},
	} {
		if got := commonPrefix(c.a, c.b); got != c.prefix {
			t.Errorf("commonPrefix(%q, %q) = %d, want %d", c.a, c.b, got, c.prefix)
		}
		if got := commonSuffix(c.a, c.b); got != c.suffix {
			t.Errorf("commonSuffix(%q, %q) = %d, want %d", c.a, c.b, got, c.suffix)
		}
	}
}

func TestPenAt(t *testing.T) {
	const link = "\x1b]8;id=1;https://example.org\x1b\\"
	for _, c := range []struct {
		row  string
		pos  int // -1: the end
		want pen
	}{
		{"abc", -1, pen{}},
		{"\x1b[1mab", -1, pen{sgr: "\x1b[1m"}},
		{"\x1b[1mab", 0, pen{}},
		{"\x1b[1mab", 2, pen{}}, // inside the sequence
		{"\x1b[1ma\x1b[31mb", -1, pen{sgr: "\x1b[1m\x1b[31m"}},
		{"\x1b[1ma\x1b[0mb\x1b[4mc", -1, pen{sgr: "\x1b[4m"}},
		{"\x1b[1ma\x1b[0;3mb", -1, pen{sgr: "\x1b[1m\x1b[0;3m"}},
		{"\x1b[1ma\x1b[mb", -1, pen{}},
		{link + "a", -1, pen{link: link}},
		{link + "a\x1b]8;;\x07b", -1, pen{}},
		{"\x1b[?25la", -1, pen{}},
	} {
		if c.pos < 0 {
			c.pos = len(c.row)
		}
		if got := penAt(c.row, c.pos); got != c.want {
			t.Errorf("penAt(%q, %d) = %q, want %q", c.row, c.pos, got, c.want)
		}
	}
}

func TestSequenceKinds(t *testing.T) {
	for _, c := range []struct {
		seq          string
		sgr, reset   bool
		opensOrClose string
	}{
		{"\x1b[m", true, true, ""},
		{"\x1b[0m", true, true, ""},
		{"\x1b[0;0m", true, true, ""},
		{"\x1b[0;1m", true, false, ""},
		{"\x1b[38:2::1:2:3m", true, false, ""},
		{"\x1b[?1m", false, false, ""},
		{"\x1b[1H", false, false, ""},
		{"\x1b]8;;https://a\x1b\\", false, false, "opens"},
		{"\x1b]8;id=2;x\x07", false, false, "opens"},
		{"\x1b]8;;\x1b\\", false, false, "closes"},
		{"\x1b]8;id=2;\x07", false, false, "closes"},
	} {
		if got := isSGR(c.seq); got != c.sgr {
			t.Errorf("isSGR(%q) = %v", c.seq, got)
		}
		if got := isReset(c.seq); got != c.reset {
			t.Errorf("isReset(%q) = %v", c.seq, got)
		}
		if c.opensOrClose != "" {
			if got := linkOpens(c.seq); got != (c.opensOrClose == "opens") {
				t.Errorf("linkOpens(%q) = %v", c.seq, got)
			}
		}
	}
}

func TestHasTextAndTrailingSpaces(t *testing.T) {
	for _, c := range []struct {
		s      string
		text   bool
		spaces int
	}{
		{"", false, 0},
		{"\x1b[1m\x1b[m", false, 0},
		{" ", true, 1},
		{"\x1b[1m a  ", true, 2},
		{"ab \x1b[m", true, 0},
	} {
		if got := hasText(c.s); got != c.text {
			t.Errorf("hasText(%q) = %v", c.s, got)
		}
		if got := trailingSpaces(c.s); got != c.spaces {
			t.Errorf("trailingSpaces(%q) = %d, want %d", c.s, got, c.spaces)
		}
	}
}

func TestFit(t *testing.T) {
	for _, c := range []struct {
		row   string
		width int
		want  string
	}{
		{"abc", 3, "abc"},
		{"abcd", 3, "abc"},
		{"中文字", 5, "中文"},
		{"中文字", 4, "中文"},
		{"a中", 2, "a"},
		{"\x1b[1mabc\x1b[m", 2, "\x1b[1mab"},
		{"ab\x1b[1mc", 2, "ab\x1b[1m"},
		{"e\u0301e\u0301", 1, "e\u0301"},
		{"中", 1, ""},
	} {
		if got := fit(c.row, layoutOf(c.row, narrow), c.width); got != c.want {
			t.Errorf("fit(%q, %d) = %q, want %q", c.row, c.width, got, c.want)
		}
	}
}

func TestFitRows(t *testing.T) {
	p := NewPainter(narrow)
	got := p.fitRows([]string{"abc\r", "中文字", "x", "y"}, 3, 3)
	want := []string{"abc", "中", "x"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("fitRows = %q, want %q", got, want)
	}
	if got := p.fitRows(nil, 3, 2); !reflect.DeepEqual(got, []string{"", ""}) {
		t.Errorf("fitRows(nil) = %q", got)
	}
}

func TestCursorMoveTo(t *testing.T) {
	for _, c := range []struct {
		cur      cursor
		row, col int
		want     string
	}{
		{cursor{}, 0, 0, "\x1b[H"},
		{cursor{}, 4, 0, "\x1b[5H"},
		{cursor{}, 0, 3, "\x1b[1;4H"},
		{cursor{}, 9, 79, "\x1b[10;80H"},
		{cursor{row: 2, col: 5, rowKnown: true, colKnown: true}, 2, 5, ""},
		{cursor{row: 2, col: 5, rowKnown: true}, 2, 5, "\x1b[3;6H"},
		{cursor{row: 2, col: 7, rowKnown: true}, 3, 0, "\r\n"},
		{cursor{row: 2, col: 7, rowKnown: true}, 4, 0, "\x1b[5H"},
		{cursor{row: 2, col: 7, rowKnown: true}, 3, 1, "\x1b[4;2H"},
	} {
		cur := c.cur
		if got := string(cur.moveTo(nil, c.row, c.col)); got != c.want {
			t.Errorf("%+v.moveTo(%d, %d) = %q, want %q", c.cur, c.row, c.col, got, c.want)
		}
	}
}

func TestCost(t *testing.T) {
	if cost(4, false) != 4 || cost(0, true) != 3 || cost(2, true) != 5 {
		t.Error("cost does not count spaces plus three bytes of erase")
	}
}
