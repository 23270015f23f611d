package termcheck

import "testing"

func TestHazard(t *testing.T) {
	cases := []struct {
		in, allowed string
		bad         bool
	}{
		{"标题 title", "", false},
		{"a\nb\tc", "\n\t", false},
		{"a\nb", "", true},
		{"a\tb", "\n", true},
		{"\x1b]52;c;x\x07", "\n\t\x1b\x07", true},
		{"x\u009by", "", true},
		{"x\x9by", "", true},
		{"x\x7fy", "", true},
		{"a\u202eb", "", true},
		{"a\u2066b", "", true},
		{"a\u2028b", "", true},
		{"　　正文“引号”……", "", false},
	}
	for _, c := range cases {
		if got := Hazard(c.in, c.allowed) != ""; got != c.bad {
			t.Errorf("Hazard(%q, %q) = %v, want %v", c.in, c.allowed, got, c.bad)
		}
	}
}
