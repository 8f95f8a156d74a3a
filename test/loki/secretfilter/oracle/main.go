// Go reference for the byte-level behaviours the loki.secretfilter simulation reproduces in
// TypeScript: strings.ReplaceAll, strings.ToLower, math.RoundToEven on byte lengths with byte
// slicing (gitleaks-style percentage masks), sha1 hex, and rune-count-over-byte-length entropy.
// Written for alloy-scrub (not gitleaks or Alloy code). Reads one JSON request per line on stdin,
// answers one JSON line per request. Strings travel as hex-encoded bytes so that invalid UTF-8
// survives the trip.
package main

import (
	"bufio"
	"crypto/sha1"
	"encoding/hex"
	"encoding/json"
	"math"
	"os"
	"strings"
)

type request struct {
	S       string `json:"s"`
	Old     string `json:"old"`
	New     string `json:"new"`
	Percent uint   `json:"percent"`
}

type response struct {
	ReplaceAll string  `json:"replaceAll"`
	ToLower    string  `json:"toLower"`
	Mask       string  `json:"mask"`
	Sha1       string  `json:"sha1"`
	Entropy    float64 `json:"entropy"`
}

func unhex(s string) string {
	b, err := hex.DecodeString(s)
	if err != nil {
		panic(err)
	}
	return string(b)
}

// mask keeps round-half-even((100-p)% of the byte length) bytes and appends "...";
// at 100% or more the whole value becomes "REDACTED".
func mask(s string, p uint) string {
	if p > 100 {
		p = 100
	}
	out := s
	if len(s) > 0 {
		keep := int64(math.RoundToEven(float64(len(s)) * float64(100-p) / float64(100)))
		out = s[:keep] + "..."
	}
	if p >= 100 {
		out = "REDACTED"
	}
	return out
}

// entropy: Shannon entropy where each rune's count is divided by the BYTE length.
func entropy(s string) float64 {
	if s == "" {
		return 0
	}
	counts := map[rune]int{}
	for _, r := range s {
		counts[r]++
	}
	inv := 1.0 / float64(len(s))
	e := 0.0
	for _, c := range counts {
		f := float64(c) * inv
		e -= f * math.Log2(f)
	}
	return e
}

func main() {
	in := bufio.NewScanner(os.Stdin)
	in.Buffer(make([]byte, 1<<20), 1<<26)
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	enc := json.NewEncoder(out)
	for in.Scan() {
		var req request
		if err := json.Unmarshal(in.Bytes(), &req); err != nil {
			panic(err)
		}
		s := unhex(req.S)
		sum := sha1.Sum([]byte(s))
		res := response{
			ReplaceAll: hex.EncodeToString([]byte(strings.ReplaceAll(s, unhex(req.Old), unhex(req.New)))),
			ToLower:    hex.EncodeToString([]byte(strings.ToLower(s))),
			Mask:       hex.EncodeToString([]byte(mask(s, req.Percent))),
			Sha1:       hex.EncodeToString(sum[:]),
			Entropy:    entropy(s),
		}
		if err := enc.Encode(res); err != nil {
			panic(err)
		}
	}
}
