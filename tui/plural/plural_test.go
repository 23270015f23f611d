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
