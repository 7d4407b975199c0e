module example.com/strata-go

go 1.19
