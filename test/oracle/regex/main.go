// Differential oracle for the regex layer: real Go regexp answering one JSON request per line.
// Texts that may hold arbitrary bytes travel base64-encoded; offsets are Go byte offsets.
package main

import (
	"bufio"
	"encoding/base64"
	"encoding/json"
	"os"
	"regexp"
)

type request struct {
	Pattern  string   `json:"pattern"` // base64
	Input    string   `json:"input"`   // base64
	N        int      `json:"n"`
	Repl     string   `json:"repl"`     // base64, for ReplaceAllString and ReplaceAllLiteralString
	Template string   `json:"template"` // base64, for Expand over every match
	Names    []string `json:"names"`    // for SubexpIndex
}

type response struct {
	Error          *string  `json:"error,omitempty"` // base64 of Go's error text
	NumSubexp      int      `json:"numSubexp"`
	SubexpNames    []string `json:"subexpNames"`
	SubexpIndex    []int    `json:"subexpIndex"`
	Match          bool     `json:"match"`
	First          []int    `json:"first"`
	All            [][]int  `json:"all"`
	Replace        string   `json:"replace"`
	ReplaceLiteral string   `json:"replaceLiteral"`
	ReplaceFunc    string   `json:"replaceFunc"`
	Expand         []string `json:"expand"`
}

func decode(s string) string {
	b, err := base64.StdEncoding.DecodeString(s)
	if err != nil {
		panic(err)
	}
	return string(b)
}

func encode(s string) string {
	return base64.StdEncoding.EncodeToString([]byte(s))
}

func main() {
	in := bufio.NewScanner(os.Stdin)
	in.Buffer(make([]byte, 1<<20), 64<<20)
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	enc := json.NewEncoder(out)
	for in.Scan() {
		var req request
		if err := json.Unmarshal(in.Bytes(), &req); err != nil {
			panic(err)
		}
		var res response
		re, err := regexp.Compile(decode(req.Pattern))
		if err != nil {
			msg := encode(err.Error())
			res.Error = &msg
			if err := enc.Encode(res); err != nil {
				panic(err)
			}
			continue
		}
		input := decode(req.Input)
		res.NumSubexp = re.NumSubexp()
		res.SubexpNames = re.SubexpNames()
		for _, name := range req.Names {
			res.SubexpIndex = append(res.SubexpIndex, re.SubexpIndex(name))
		}
		res.Match = re.MatchString(input)
		res.First = re.FindStringSubmatchIndex(input)
		res.All = re.FindAllStringSubmatchIndex(input, req.N)
		repl := decode(req.Repl)
		res.Replace = encode(re.ReplaceAllString(input, repl))
		res.ReplaceLiteral = encode(re.ReplaceAllLiteralString(input, repl))
		res.ReplaceFunc = encode(re.ReplaceAllStringFunc(input, func(m string) string { return "<" + m + ">" }))
		template := decode(req.Template)
		for _, m := range re.FindAllStringSubmatchIndex(input, -1) {
			res.Expand = append(res.Expand, encode(string(re.ExpandString(nil, template, input, m))))
		}
		if err := enc.Encode(res); err != nil {
			panic(err)
		}
	}
	if err := in.Err(); err != nil {
		panic(err)
	}
}
