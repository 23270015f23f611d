package plural

import "testing"

func TestN(t *testing.T) {
	for _, tc := range []struct {
		n    int
		want string
	}{{0, "0 articles"}, {1, "1 article"}, {2, "2 articles"}, {-1, "-1 articles"}, {1000, "1000 articles"}} {
		if got := N(tc.n, "article", "articles"); got != tc.want {
			t.Errorf("N(%d) = %q, want %q", tc.n, got, tc.want)
		}
	}
}

func TestThousands(t *testing.T) {
	for _, tc := range []struct {
		n    int
		want string
	}{{0, "0"}, {7, "7"}, {999, "999"}, {1000, "1,000"}, {1234, "1,234"}, {100000, "100,000"}, {1234567, "1,234,567"}, {-5, "-5"}} {
		if got := Thousands(tc.n); got != tc.want {
			t.Errorf("Thousands(%d) = %q, want %q", tc.n, got, tc.want)
		}
	}
}
