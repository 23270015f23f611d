package loader

import "testing"

func TestIsCJKAndJoinsTight(t *testing.T) {
	for _, tc := range []struct {
		r           rune
		cjk, tight  bool
		description string
	}{
		{'中', true, true, "ideograph"},
		{'𠀀', true, true, "supplementary ideograph"},
		{'か', true, true, "hiragana"},
		{'ｶ', true, true, "halfwidth katakana"},
		{'，', true, true, "fullwidth comma"},
		{'。', true, true, "ideographic full stop"},
		{'\u3000', true, true, "ideographic space"},
		{'Ａ', true, true, "fullwidth Latin"},
		{'한', true, false, "hangul: Korean uses spaces"},
		{'“', false, true, "ambiguous quotation mark"},
		{'…', false, true, "ambiguous ellipsis"},
		{'·', false, true, "ambiguous middle dot"},
		{'α', false, false, "ambiguous letter"},
		{'a', false, false, "ASCII"},
		{',', false, false, "ASCII punctuation"},
		{'é', false, false, "Latin"},
	} {
		if got := IsCJK(tc.r); got != tc.cjk {
			t.Errorf("IsCJK(%q) (%s) = %v", tc.r, tc.description, got)
		}
		if got := joinsTight(tc.r); got != tc.tight {
			t.Errorf("joinsTight(%q) (%s) = %v", tc.r, tc.description, got)
		}
	}
}
