#!/bin/sh
echo hello from debian
