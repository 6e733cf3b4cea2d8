package barcode

// dammTable is the quasigroup of order 10 from H. Michael Damm's thesis
// (2004): a Latin square with zeros on its diagonal that is weakly totally
// anti-symmetric — (c∗x)∗y = (c∗y)∗x only if x = y. The first property
// makes a changed digit change the result; the second makes two swapped
// neighbours change it; the zero diagonal lets the check digit be the
// running value itself, so that a whole valid code reduces to 0. The tests
// check all three properties on the table, not only sample codes.
var dammTable = [10][10]byte{
	{0, 3, 1, 7, 5, 9, 8, 6, 4, 2},
	{7, 0, 9, 2, 1, 5, 4, 8, 6, 3},
	{4, 2, 0, 6, 8, 7, 1, 3, 5, 9},
	{1, 7, 5, 0, 9, 8, 3, 4, 2, 6},
	{6, 1, 2, 3, 0, 4, 5, 9, 7, 8},
	{3, 6, 7, 4, 2, 0, 9, 5, 8, 1},
	{5, 8, 6, 9, 7, 2, 0, 1, 3, 4},
	{8, 9, 4, 5, 3, 6, 2, 0, 1, 7},
	{9, 4, 3, 8, 6, 1, 7, 2, 0, 5},
	{2, 5, 8, 1, 4, 3, 6, 7, 9, 0},
}

// Damm is the Damm check digit of digits: the digit that, appended, makes
// the whole reduce to 0. It is -1 if digits holds anything but ASCII
// digits.
func Damm(digits string) int {
	interim := byte(0)
	for i := 0; i < len(digits); i++ {
		d := digits[i] - '0'
		if d > 9 {
			return -1
		}
		interim = dammTable[interim][d]
	}
	return int(interim)
}

// CheckDigitOK reports whether code — digits whose last one is a Damm
// check digit — is consistent. Any length from two digits up is checked;
// the length of a code is Parse's business.
func CheckDigitOK(code string) bool {
	return len(code) >= 2 && Damm(code) == 0
}
