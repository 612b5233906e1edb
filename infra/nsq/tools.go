//go:build tools

// Package tools pins the NSQ v1.3.0 daemons so `go build` in this module can build them.
// nsq's own go.mod has a replace directive, which `go install pkg@version` refuses,
// so MQ Lab builds them from this wrapper module instead (see go.mod).
package tools

import (
	_ "github.com/nsqio/nsq/apps/nsqadmin"
	_ "github.com/nsqio/nsq/apps/nsqd"
	_ "github.com/nsqio/nsq/apps/nsqlookupd"
)
