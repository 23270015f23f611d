package screen

import (
	"bytes"
	"strings"
	"testing"

	"github.com/mattn/go-runewidth"
)

func newCond(wide bool) *runewidth.Condition {
	c := &runewidth.Condition{EastAsianWidth: wide, StrictEmojiNeutral: true}
	c.CreateLUT()
	return c
}

var narrow = newCond(false)

const wipe = "\x1b[m\x1b[H\x1b[2J"

// pad makes s width columns wide with trailing spaces.
func pad(s string, width int) string {
	return s + strings.Repeat(" ", max(0, width-visibleWidth(s, narrow)))
}

func TestFrameFirstAndRepaint(t *testing.T) {
	for _, c := range []struct {
		name string
		rows []string
		w, h int
		want string
	}{
		{"blank", []string{""}, 10, 3, wipe},
		{"one by one", []string{"x"}, 1, 1, wipe + "x"},
		{"rows end in spaces", []string{"ab  ", "  ", "cd  "}, 4, 3, wipe + "ab\x1b[3Hcd"},
		{"consecutive rows", []string{"ab", "cd", "ef"}, 2, 3, wipe + "ab\r\ncd\r\nef"},
		{"styled", []string{"\x1b[1m中文\x1b[m  ", "\x1b[7mxy  "}, 6, 2, wipe + "\x1b[1m中文\x1b[m\r\n\x1b[7mxy  \x1b[m"},
		{"too many rows", []string{"a", "b", "c"}, 3, 2, wipe + "a\r\nb"},
		{"too wide", []string{"abcdef", "中文字"}, 5, 2, wipe + "abcde\r\n中文"},
		{"zero size", []string{"a"}, 0, 5, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			p := NewPainter(narrow)
			if got := string(p.Frame(c.rows, c.w, c.h)); got != c.want {
				t.Errorf("Frame = %q, want %q", got, c.want)
			}
		})
	}
}

func TestFrameIdenticalGivesNothing(t *testing.T) {
	rows := []string{pad("中文\x1b[1m粗\x1b[m", 20), pad("abc", 20), "\x1b[7m" + pad("status", 20) + "\x1b[m"}
	p := NewPainter(narrow)
	if b := p.Frame(rows, 20, 3); len(b) == 0 {
		t.Fatal("first frame painted nothing")
	}
	for i := 0; i < 3; i++ {
		if b := p.Frame(append([]string(nil), rows...), 20, 3); len(b) != 0 {
			t.Fatalf("identical frame %d painted %q", i, b)
		}
	}
}

func TestFrameRepaintsAfterSizeChangeAndInvalidate(t *testing.T) {
	rows := []string{"ab", "cd"}
	p := NewPainter(narrow)
	p.Frame(rows, 4, 2)
	for _, c := range []struct {
		name string
		act  func() []byte
		want string
	}{
		{"same", func() []byte { return p.Frame(rows, 4, 2) }, ""},
		{"wider", func() []byte { return p.Frame(rows, 5, 2) }, wipe + "ab\r\ncd"},
		{"taller", func() []byte { return p.Frame(rows, 5, 3) }, wipe + "ab\r\ncd"},
		{"same again", func() []byte { return p.Frame(rows, 5, 3) }, ""},
		{"invalidated", func() []byte { p.Invalidate(); return p.Frame(rows, 5, 3) }, wipe + "ab\r\ncd"},
		{"zero height", func() []byte { return p.Frame(rows, 5, 0) }, ""},
		{"back from zero", func() []byte { return p.Frame(rows, 5, 3) }, wipe + "ab\r\ncd"},
	} {
		if got := string(c.act()); got != c.want {
			t.Errorf("%s: Frame = %q, want %q", c.name, got, c.want)
		}
	}
}

func TestFrameUpdatesPartOfRow(t *testing.T) {
	for _, c := range []struct {
		name      string
		old, next string
		want      string
	}{
		{"ascii middle", "abcdef", "abXdef", "\x1b[1;3HX"},
		{"cjk middle", "中文测试abc", "中文测验abc", "\x1b[1;7H验"},
		{"cjk width changes", "中文测试abc  ", "中文a试abc   ", "\x1b[1;5Ha试abc "},
		{"inside style", "\x1b[1m粗体甲\x1b[m  ", "\x1b[1m粗体乙\x1b[m  ", "\x1b[1;5H\x1b[1m乙\x1b[m"},
		{"after style", "\x1b[1m粗\x1b[m正常一", "\x1b[1m粗\x1b[m正常二", "\x1b[1;7H二"},
		{"style changes", "ab\x1b[1mcd\x1b[m", "ab\x1b[3mcd\x1b[m", "\x1b[1;3H\x1b[3mcd\x1b[m"},
		{"style replayed", "\x1b[1m\x1b[31mabc\x1b[0m", "\x1b[1m\x1b[31mabd\x1b[0m", "\x1b[1;3H\x1b[1m\x1b[31md\x1b[m"},
		{"reset not replayed", "\x1b[1mab\x1b[mcd", "\x1b[1mab\x1b[mcX", "\x1b[1;4HX"},
		{"reset then new pen", "\x1b[7m x\x1b[m\x1b[1m 9\x1b[m", "\x1b[7m \x1b[m\x1b[1m 10\x1b[m", "\x1b[1;2H\x1b[1m 10\x1b[m"},
		{"pen sequences joined", "\x1b[7mab\x1b[mcd", "\x1b[7ma\x1b[m\x1b[1m\x1b[3mX\x1b[mcd", "\x1b[1;2H\x1b[1m\x1b[3mX\x1b[m"},
		{"link opened before text", "ab\x1b]8;;u\x1b\\cd\x1b]8;;\x1b\\", "a\x1b[m\x1b]8;;u\x1b\\Xcd\x1b]8;;\x1b\\", "\x1b[1;2H\x1b]8;;u\x1b\\X\x1b]8;;\x1b\\"},
		{"blanks stepped over", "", "ab          cd", "\x1b[Hab\x1b[10Ccd"},
		{"blanks between changes", "xy          xy", "ab          cd", "\x1b[Hab\x1b[10Ccd"},
		{"few blanks written", "", "ab    cd", "\x1b[Hab    cd"},
		{"styled blanks written", "", "ab\x1b[7m      \x1b[mcd", "\x1b[Hab\x1b[7m      \x1b[mcd"},
		{"blanks over text written", "abcdefghijklmn", "zz          zz", "\x1b[Hzz          zz"},
		{"blanks over styled blanks written", "x\x1b[7m      \x1b[mx", "y      y", "\x1b[Hy      y"},
		{"link replayed", "\x1b]8;;u\x1b\\ab\x1b]8;;\x1b\\", "\x1b]8;;u\x1b\\aX\x1b]8;;\x1b\\", "\x1b[1;2H\x1b]8;;u\x1b\\X\x1b]8;;\x1b\\"},
		{"combining mark not split", "e\u0301x", "e\u0302x", "\x1b[He\u0302"},
		{"tail emptied", "abcdefghij", "ab        ", "\x1b[1;3H\x1b[K"},
		{"few spaces kept", "abcdefghij", "abcdefg   ", "\x1b[1;8H   "},
		{"blanks to the end erased", "abcdefgh  ", "ab        ", "\x1b[1;3H\x1b[K"},
		{"text then blanks to the end", "abcdefgh  ", "aX        ", "\x1b[1;2HX\x1b[K"},
		{"few blanks before blanks written", "abcdef  ", "abcdX   ", "\x1b[1;5HX "},
		{"styled tail kept", "abcdef\x1b[7m  \x1b[m", "ab    \x1b[7m  \x1b[m", "\x1b[1;3H    "},
		{"shorter row", "abcdefghij", "abc", "\x1b[1;4H\x1b[K"},
		{"longer row", "abc", "abcdef", "\x1b[1;4Hdef"},
		{"only escapes differ", "abc\x1b[m", "abc", ""},
		{"row blanked", "abc", "", "\x1b[H\x1b[K"},
		{"wide to narrow", "中x", "ab x", "\x1b[Hab x"},
	} {
		t.Run(c.name, func(t *testing.T) {
			p := NewPainter(narrow)
			p.Frame([]string{c.old}, 20, 1)
			if got := string(p.Frame([]string{c.next}, 20, 1)); got != c.want {
				t.Errorf("Frame = %q, want %q", got, c.want)
			}
			checkPaint(t, []string{c.old}, []string{c.next}, 20, 1)
		})
	}
}

// checkPaint paints frames a then b and checks the model screen shows b.
func checkPaint(t *testing.T, a, b []string, w, h int) {
	t.Helper()
	p := NewPainter(narrow)
	term := newVT(w, h, narrow)
	for _, f := range [][]string{a, b} {
		if err := term.feed(p.Frame(f, w, h)); err != nil {
			t.Fatal(err)
		}
	}
	ref, err := reference(NewPainter(narrow).fitRows(b, w, h), w, h, narrow)
	if err != nil {
		t.Fatal(err)
	}
	if d := term.diff(ref); d != "" {
		t.Error(d)
	}
}

func TestFrameScrolls(t *testing.T) {
	rows := func(names string, status string) []string {
		var out []string
		for _, r := range names {
			out = append(out, pad(strings.Repeat(string(r), 3), 6))
		}
		return append(out, "\x1b[7m"+pad(status, 6)+"\x1b[m")
	}
	for _, c := range []struct {
		name      string
		old, next []string
		want      string
	}{
		{"up one", rows("一二三四", "1"), rows("二三四五", "2"),
			"\x1b[S\x1b[4H五五五\r\n\x1b[7m2     \x1b[m"}, // the status row scrolls too: cheaper than a region
		{"down one", rows("二三四五", "2"), rows("一二三四", "1"),
			"\x1b[1;4r\x1b[T\x1b[r一一一\x1b[5H\x1b[7m1\x1b[m"},
		{"up two", rows("一二三四五", "1"), rows("三四五六七", "2"),
			"\x1b[2S\x1b[4H六六六\r\n七七七\r\n\x1b[7m2     \x1b[m"},
		{"whole screen up", []string{"aaaa", "bbbb", "cccc"}, []string{"bbbb", "cccc", "dddd"},
			"\x1b[S\x1b[3Hdddd"},
		{"block in the middle", []string{"top", "aaaaaa", "bbbbbb", "cccccc", "end"}, []string{"top", "bbbbbb", "cccccc", "dddddd", "end"},
			"\x1b[2;4r\x1b[S\x1b[r\x1b[4Hdddddd"},
		{"selection scrolls along", []string{"  一一一一", "  二二二二", "> 三三三三", "\x1b[7m1     \x1b[m"}, []string{"  二二二二", "  三三三三", "> 四四四四", "\x1b[7m2     \x1b[m"},
			"\x1b[1;3r\x1b[S\x1b[r\r\n \r\n> 四四四四\r\n\x1b[7m2\x1b[m"},
		{"repainting is cheaper", []string{"top", "aaaa", "bbbb", "cccc", "end"}, []string{"top", "bbbb", "cccc", "dddd", "end"},
			"\x1b[2Hbbbb\r\ncccc\r\ndddd"},
	} {
		t.Run(c.name, func(t *testing.T) {
			w, h := 10, len(c.old)
			p := NewPainter(narrow)
			p.Frame(c.old, w, h)
			if got := string(p.Frame(c.next, w, h)); got != c.want {
				t.Errorf("Frame = %q, want %q", got, c.want)
			}
			checkPaint(t, c.old, c.next, w, h)
		})
	}
}

// article is n rows of Chinese text, each exactly width columns wide.
func article(n, width int) []string {
	const text = "春雨落在老城的石板路上，茶馆里的人慢慢多起来，说书人清了清嗓子，讲起河对岸那座桥的旧事。"
	runes := []rune(text)
	rows := make([]string, n)
	for i := range rows {
		var b strings.Builder
		for j := 0; j < width/2; j++ {
			b.WriteRune(runes[(i*7+j)%len(runes)])
		}
		rows[i] = pad(b.String(), width)
	}
	return rows
}

func screenOf(lines []string, top, w, h int) []string {
	rows := append([]string(nil), lines[top:top+h-1]...)
	status := pad(" 第"+strings.Repeat("一", top%5+1)+"行", w)
	return append(rows, "\x1b[7m"+status+"\x1b[m")
}

// TestFrameScrollCostsOneRow is the reason the painter exists: scrolling a
// screen of Chinese text by one line costs about one row, not a screen.
func TestFrameScrollCostsOneRow(t *testing.T) {
	const w, h = 80, 24
	lines := article(60, w)
	p := NewPainter(narrow)
	full := p.Frame(screenOf(lines, 0, w, h), w, h)
	for top := 1; top < 10; top++ {
		b := p.Frame(screenOf(lines, top, w, h), w, h)
		if !bytes.Contains(b, []byte("\x1b[S")) {
			t.Errorf("top %d: no scroll in %q", top, b)
		}
		if limit := 2 * len(lines[0]); len(b) > limit {
			t.Errorf("top %d: %d bytes (a full screen is %d), want at most %d", top, len(b), len(full), limit)
		}
	}
	for top := 8; top >= 0; top-- {
		b := p.Frame(screenOf(lines, top, w, h), w, h)
		if !bytes.Contains(b, []byte("\x1b[T")) || len(b) > 2*len(lines[0]) {
			t.Errorf("back to top %d: %d bytes %q", top, len(b), b)
		}
	}
}

func TestFrameShorterFrameBlanksRows(t *testing.T) {
	p := NewPainter(narrow)
	p.Frame([]string{"abc", "def", "ghi"}, 3, 3)
	if got, want := string(p.Frame([]string{"abc"}, 3, 3)), "\x1b[2H\x1b[K\r\n\x1b[K"; got != want {
		t.Errorf("Frame = %q, want %q", got, want)
	}
	checkPaint(t, []string{"abc", "def", "ghi"}, []string{"abc"}, 3, 3)
}

func TestAppendRow(t *testing.T) {
	for _, tc := range []struct{ row, want string }{
		{"", "\x1b[2H\x1b[K"},
		{"ab   ", "\x1b[2Hab\x1b[K"},
		{"\x1b[48;5;236m ab   \x1b[m", "\x1b[2H\x1b[48;5;236m ab   \x1b[m\x1b[K"},
		{"\x1b[48;5;236m ab   ", "\x1b[2H\x1b[48;5;236m ab   \x1b[m\x1b[K"},
		{"ab\x1b[m  ", "\x1b[2Hab\x1b[m\x1b[K"},
	} {
		p := NewPainter(narrow)
		p.Frame([]string{"x", tc.row}, 10, 2)
		if got := string(p.AppendRow(nil, 1)); got != tc.want {
			t.Errorf("row %q: %q, want %q", tc.row, got, tc.want)
		}
		// a row beyond the screen is its last one
		if got := string(p.AppendRow(nil, 5)); got != tc.want {
			t.Errorf("row 5 of 2, %q: %q, want %q", tc.row, got, tc.want)
		}
	}
	if got := NewPainter(narrow).AppendRow(nil, 0); got != nil {
		t.Errorf("no frame yet: %q", got)
	}
}
