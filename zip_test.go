package main

import (
	"archive/zip"
	"bytes"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"newsbrowse/loader"
	"newsbrowse/loader/marks"
)

// zipFolder writes the files of dir to a zip archive at dst the way
// Windows tools do: names as raw bytes (GB18030 stays GB18030), no UTF-8
// flag, folders only implied by the names; extra entries are appended.
func zipFolder(t *testing.T, dir, dst string, extra func(w *zip.Writer)) {
	t.Helper()
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		f, err := w.CreateHeader(&zip.FileHeader{Name: filepath.ToSlash(rel), Method: zip.Deflate, NonUTF8: true})
		if err != nil {
			return err
		}
		b, err := os.ReadFile(p)
		f.Write(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if extra != nil {
		extra(w)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dst, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestZipGivesWhatTheFolderGives compares every output on the sample
// collection with the same output on an archive of it.
func TestZipGivesWhatTheFolderGives(t *testing.T) {
	t.Setenv("XDG_STATE_HOME", t.TempDir())
	archive := filepath.Join(t.TempDir(), "crawl.zip")
	zipFolder(t, coll, archive, nil)
	for _, args := range [][]string{{"--list"}, {"--grep", "冰灯"}, {"--grep", "的"}, {"--grep", "水库"}, {"--export"}} {
		want, wantErr, wantCode := runCLI(t, append(args, coll)...)
		want = decodePathColumn(args[0], want)
		got, gotErr, gotCode := runCLI(t, append(args, archive)...)
		if got != want || gotCode != wantCode || gotErr != wantErr {
			t.Errorf("%q: the archive gives exit %d\n%s%s\nthe folder exit %d\n%s%s", args, gotCode, got, gotErr, wantCode, want, wantErr)
		}
	}
	// --list of the folder gives a GB18030 name's bytes; the archive's
	// names are decoded. --print in the archive takes either.
	rows := listRows(t, coll)
	for _, r := range rows {
		want, _, wantCode := runCLI(t, "--print", "--width", "50", filepath.Join(coll, r[2]))
		for _, rel := range []string{loader.DisplayPath(r[2]), r[2]} {
			got, errs, gotCode := runCLI(t, "--print", "--width", "50", archive+"/"+rel)
			if got != want || gotCode != wantCode {
				t.Errorf("--print %q: exit %d (%s)\n%s\nwant exit %d\n%s", rel, gotCode, errs, got, wantCode, want)
			}
		}
	}
	// a GB18030 name: --list shows it decoded, --print takes it so
	if !strings.Contains(mustRun(t, "--list", archive), "\t66水库除险加固工程完工.txt\n") {
		t.Error("the GB18030 name is not listed decoded")
	}
}

// decodePathColumn decodes the path column of the output of mode (--list
// or --grep) on a folder, as the names of an archive are.
func decodePathColumn(mode, out string) string {
	col := map[string]int{"--list": 2, "--grep": 0}
	i, ok := col[mode]
	if !ok {
		return out
	}
	lines := strings.Split(out, "\n")
	for n, l := range lines {
		if f := strings.Split(l, "\t"); len(f) > i {
			f[i] = loader.DisplayPath(f[i])
			lines[n] = strings.Join(f, "\t")
		}
	}
	return strings.Join(lines, "\n")
}

func mustRun(t *testing.T, args ...string) string {
	t.Helper()
	out, errs, code := runCLI(t, args...)
	if code != 0 {
		t.Fatalf("%q: exit %d: %s", args, code, errs)
	}
	return out
}

func TestZipMarksKeyedToArchive(t *testing.T) {
	t.Setenv("XDG_STATE_HOME", t.TempDir())
	archive := filepath.Join(t.TempDir(), "crawl.zip")
	zipFolder(t, coll, archive, nil)
	dir, _ := marks.Dir()
	abs, _ := filepath.Abs(archive)
	s, err := marks.Open(dir, abs)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Apply(marks.Op{Rel: "66水库除险加固工程完工.txt", On: true}); err != nil {
		t.Fatal(err)
	}
	if out := mustRun(t, "--list", "--marked", archive); out != "66\t水库除险加固工程完工\t66水库除险加固工程完工.txt\n" {
		t.Errorf("--list --marked on the archive: %q", out)
	}
	if out, _, code := runCLI(t, "--list", "--marked", coll); code != 0 || out != "" {
		t.Errorf("marks of the archive show on the folder: %q", out)
	}
}

func TestZipHostile(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.zip")
	zipFolder(t, coll, good, func(w *zip.Writer) {
		data := []byte("900坏.txt\n校验和不对的文章")
		f, _ := w.CreateRaw(&zip.FileHeader{Name: "900坏.txt", Method: zip.Store, CRC32: crc32.ChecksumIEEE(data) ^ 1,
			CompressedSize64: uint64(len(data)), UncompressedSize64: uint64(len(data))})
		f.Write(data)
		g, _ := w.CreateHeader(&zip.FileHeader{Name: "../../901逃逸.txt", Method: zip.Deflate})
		io.WriteString(g, "901逃逸.txt\n不出档案。")
	})
	// a bad CRC is an error of that article only
	out, errs, code := runCLI(t, "--export", good)
	if code != 0 || strings.Count(out, "\n") != len(listRows(t, coll))+1 ||
		errs != "newsbrowse: skipped: read 900坏.txt: zip: checksum error\n" {
		t.Errorf("--export: exit %d, %d lines, stderr %q", code, strings.Count(out, "\n"), errs)
	}
	if _, errs, code := runCLI(t, "--print", good+"/900坏.txt"); code != 2 || !strings.Contains(errs, "checksum error") {
		t.Errorf("--print of the bad entry: exit %d, %q", code, errs)
	}
	// a name climbing out is listed inside, and nothing is written
	if out := mustRun(t, "--list", good); !strings.Contains(out, "901\t逃逸\t901逃逸.txt\n") {
		t.Errorf("--list: %q", out)
	}
	if out := mustRun(t, "--print", good+"/901逃逸.txt"); out != "逃逸\n\n\u3000\u3000不出档案。\n" {
		t.Errorf("--print: %q", out)
	}
	if left, _ := os.ReadDir(dir); len(left) != 1 {
		t.Errorf("files appeared beside the archive: %v", left)
	}
	// a truncated archive is a clear error
	b, _ := os.ReadFile(good)
	cut := filepath.Join(dir, "cut.zip")
	os.WriteFile(cut, b[:len(b)-40], 0o644)
	for _, args := range [][]string{{"--list", cut}, {"--grep", "冰灯", cut}, {"--export", cut}, {"--print", cut + "/66水库除险加固工程完工.txt"}} {
		out, errs, code := runCLI(t, args...)
		if code != 2 || out != "" || !strings.Contains(errs, "not a valid zip file") || strings.Count(errs, "\n") != 1 {
			t.Errorf("%q: exit %d, stdout %q, stderr %q", args, code, out, errs)
		}
	}
	for _, args := range [][]string{{"--print", good}, {"--print", good + "/不存在.txt"}, {"--list", good + "/不存在.txt"}} {
		if _, errs, code := runCLI(t, args...); code != 2 || strings.Count(errs, "\n") != 1 {
			t.Errorf("%q: exit %d, stderr %q", args, code, errs)
		}
	}
}
