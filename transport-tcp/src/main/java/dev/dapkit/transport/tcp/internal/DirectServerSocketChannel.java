package dev.dapkit.transport.tcp.internal;

import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.io.IOException;
import java.nio.channels.SocketChannel;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A Netty NIO listening channel whose accepted sockets are {@link DirectSocketChannel}s. */
final class DirectServerSocketChannel extends NioServerSocketChannel {

    private static final Logger LOG = LoggerFactory.getLogger(DirectServerSocketChannel.class);

    @Override
    protected int doReadMessages(List<Object> accepted) throws Exception {
        SocketChannel socket = javaChannel().accept();
        if (socket == null) {
            return 0;
        }
        try {
            accepted.add(new DirectSocketChannel(this, socket));
            return 1;
        } catch (RuntimeException e) {
            // the socket could not be set up (made non-blocking, say): drop it, keep listening
            LOG.warn("cannot take the connection accepted on {}: {}", localAddress(), e.toString());
            try {
                socket.close();
            } catch (IOException closing) {
                e.addSuppressed(closing);
            }
            return 0;
        }
    }
}
