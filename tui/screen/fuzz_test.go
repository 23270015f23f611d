package screen

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// FuzzFrame paints three frames in turn and checks after each that the
// model terminal shows it. Frames hold rows separated by "\n"; inputs
// that views could not produce (control characters, escape sequences other
// than SGR and OSC 8) are skipped.
func FuzzFrame(f *testing.F) {
	f.Add(uint8(20), uint8(1), "中文测试abc", "中文测验abc", "\x1b[1m粗体甲\x1b[m")
	f.Add(uint8(20), uint8(1), "ab\x1b[1mcd\x1b[m", "ab\x1b[3mcd\x1b[m", "abcdefghij")
	f.Add(uint8(20), uint8(1), "\x1b]8;;u\x1b\\ab\x1b]8;;\x1b\\", "\x1b]8;;u\x1b\\aX\x1b]8;;\x1b\\", "e\u0301x")
	f.Add(uint8(6), uint8(5), "一一一\n二二二\n三三三\n四四四\n\x1b[7m1     \x1b[m",
		"二二二\n三三三\n四四四\n五五五\n\x1b[7m2     \x1b[m", "一一一\n二二二\n三三三\n四四四\n\x1b[7m1     \x1b[m")
	f.Add(uint8(6), uint8(5), "top\naaaaaa\nbbbbbb\ncccccc\nend", "top\nbbbbbb\ncccccc\ndddddd\nend", "")
	f.Add(uint8(3), uint8(3), "abc\ndef\nghi", "abc", "中文字\n“…”")
	f.Add(uint8(1), uint8(1), "x", "", "中")
	f.Fuzz(func(t *testing.T, w, h uint8, a, b, c string) {
		width, height := 1+int(w%100), 1+int(h%40)
		frames := []string{a, b, c}
		for _, fr := range frames {
			if !viewLike(fr) {
				t.Skip()
			}
		}
		p := NewPainter(narrow)
		term := newVT(width, height, narrow)
		for i, fr := range frames {
			rows := strings.Split(fr, "\n")
			out := p.Frame(rows, width, height)
			if err := term.feed(out); err != nil {
				t.Fatalf("frame %d: %v in %q", i, err, out)
			}
			ref, err := reference(p.fitRows(rows, width, height), width, height, narrow)
			if err != nil {
				t.Fatalf("frame %d: %v", i, err)
			}
			if d := term.diff(ref); d != "" {
				t.Fatalf("frame %d: %s\nbytes %q", i, d, out)
			}
		}
	})
}

// viewLike reports whether s could be the content of a view: valid UTF-8
// text without control characters, styled with SGR and OSC 8 only.
func viewLike(s string) bool {
	if !utf8.ValidString(s) {
		return false
	}
	for i := 0; i < len(s); {
		if s[i] == ansi.ESC {
			seq, _, n, _ := ansi.DecodeSequence(s[i:], ansi.NormalState, nil)
			ok := isSGR(seq) || strings.HasPrefix(seq, "\x1b]8;") &&
				(strings.HasSuffix(seq, "\x07") || strings.HasSuffix(seq, "\x1b\\")) &&
				!strings.ContainsAny(seq[4:len(seq)-1], "\x1b\x07")
			if !ok {
				return false
			}
			i += n
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r != '\n' && (r < ' ' || r >= 0x7f && r < 0xa0) {
			return false
		}
		i += size
	}
	return true
}
