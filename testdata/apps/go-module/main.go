package main

import (
	"fmt"

	"example.com/strata-go/greet"
)

func main() {
	fmt.Println(greet.Hello("strata"))
}
