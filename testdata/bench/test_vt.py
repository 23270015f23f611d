"""Tests of the screen model: python3 -m unittest discover -s testdata/bench"""
import unittest

from vt import Screen


def row(s, y=0):
    return ''.join(s.grid[y]).rstrip()


class SplitSequences(unittest.TestCase):
    def test_csi_split_after_bracket(self):
        s = Screen(20, 2)
        s.feed(b'ab\x1b[')
        s.feed(b'1mcd')
        self.assertEqual(row(s), 'abcd')

    def test_csi_split_in_parameters(self):
        s = Screen(20, 2)
        s.feed(b'ab\x1b[1')
        s.feed(b'0Ccd')
        self.assertEqual(row(s), 'ab' + ' ' * 10 + 'cd')

    def test_escape_split_after_esc(self):
        s = Screen(20, 2)
        s.feed(b'ab\x1b')
        s.feed(b'[2Jcd')
        self.assertEqual(row(s), '  cd')  # the screen is erased; the cursor stays

    def test_osc_split(self):
        s = Screen(20, 2)
        s.feed(b'ab\x1b]0;ti')
        s.feed(b'tle\x07cd')
        self.assertEqual(row(s), 'abcd')

    def test_osc_split_after_bracket(self):
        s = Screen(20, 2)
        s.feed(b'ab\x1b]')
        s.feed(b'0;title\x1b\\cd')
        self.assertEqual(row(s), 'abcd')

    def test_utf8_split(self):
        s = Screen(20, 2)
        s.feed('中'.encode()[:2])
        s.feed('中文'.encode()[2:])
        self.assertEqual(row(s), '中文')

    def test_whole_escapes_still_act(self):
        s = Screen(20, 2)
        s.feed(b'ab\x1b7cd\x1b8X\x1bD')
        self.assertEqual(row(s), 'abXd')
        self.assertEqual(s.y, 1)


if __name__ == '__main__':
    unittest.main()
