package clipboard

import (
	"encoding/base64"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestPrepare(t *testing.T) {
	tests := []struct {
		in      string
		want    string
		wantCut bool
	}{
		{"冰灯", "冰灯", false},
		{"a\x1b]52;c;eA==\x07b\u202ec", "a]52;c;eA==bc", false},
		{"bad\xffbyte", "bad\uFFFDbyte", false},
	}
	for _, tc := range tests {
		if got, cut := Prepare(tc.in); got != tc.want || cut != tc.wantCut {
			t.Errorf("Prepare(%q) = %q %v, want %q %v", tc.in, got, cut, tc.want, tc.wantCut)
		}
	}
	long := strings.Repeat("冰", MaxText) // 3 bytes each: far over
	got, cut := Prepare(long)
	if !cut || !utf8.ValidString(got) || len(got) > MaxText || len(got) < MaxText-3 {
		t.Fatalf("long text: %d bytes, cut=%v", len(got), cut)
	}
	if n := base64.StdEncoding.EncodedLen(len(got)); n > MaxPayload {
		t.Fatalf("payload %d bytes", n)
	}
}

func TestStatus(t *testing.T) {
	if got := Status("the article", "冰灯节", "冰灯节", false); got != "copied the article: 3 characters" {
		t.Errorf("%q", got)
	}
	if got := Status("the article", strings.Repeat("a", 56250), strings.Repeat("a", 120000), true); got != "copied the first 56,250 characters of the article (120,000): terminals take about 75 KB" {
		t.Errorf("%q", got)
	}
}
