// Oracle for string literal decoding: Go's strconv.Unquote, which Alloy applies to every string
// literal. Reads {"raw": "..."} lines; answers {"ok": bool, "value": base64 of the bytes}.
package main

import (
	"bufio"
	"encoding/json"
	"os"
	"strconv"
)

type request struct {
	Raw string `json:"raw"`
}

type response struct {
	Ok    bool   `json:"ok"`
	Value []byte `json:"value"`
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
		v, err := strconv.Unquote(req.Raw)
		_ = enc.Encode(response{Ok: err == nil, Value: []byte(v)})
	}
}
