package loader

import (
	"strconv"
	"testing"
)

func TestEscapePath(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"306长春冰灯.txt", "306长春冰灯.txt"},
		{"2024年度报告/5科技馆.txt", "2024年度报告/5科技馆.txt"},
		{"66\xcb\xae\xbf\xe2.txt", "66\u02ee" + `\277\342.txt`}, // GB18030 水库: its first two bytes are valid UTF-8
		{"a\tb\nc\rd", `a\tb\nc\rd`},
		{"\x1b]0;x\x07.txt", `\033]0;x\007.txt`},
		{"a\u009bb", `a\302\233b`},
		{"a\u202eb", `a\342\200\256b`},
		{"soft\u00adhyphen", `soft\302\255hyphen`},
		{`back\slash`, `back\\slash`},
		{"", ""},
	} {
		got := EscapePath(tc.in)
		if got != tc.want {
			t.Errorf("EscapePath(%q) = %q, want %q", tc.in, got, tc.want)
		}
		if h := hazard(got); h != "" {
			t.Errorf("EscapePath(%q) = %q: %s", tc.in, got, h)
		}
		// the escapes read back to the bytes on disk
		if back, err := strconv.Unquote(`"` + got + `"`); err != nil || back != tc.in {
			t.Errorf("EscapePath(%q) = %q reads back as %q, %v", tc.in, got, back, err)
		}
	}
}

func hazard(s string) string {
	for _, r := range s {
		if forbidden(r) {
			return "holds " + strconv.QuoteRune(r)
		}
	}
	return ""
}
