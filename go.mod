module bilat

go 1.26
