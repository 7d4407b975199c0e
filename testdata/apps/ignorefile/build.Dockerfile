FROM busybox
COPY . /ctx
RUN ls -A /ctx | sort > /listing.txt
