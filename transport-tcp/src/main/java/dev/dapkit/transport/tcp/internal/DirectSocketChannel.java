package dev.dapkit.transport.tcp.internal;

import io.netty.channel.Channel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.nio.channels.SocketChannel;

/**
 * A Netty NIO socket channel whose socket a {@link TcpConnection} may also write to from the
 * sending thread, when Netty holds nothing unwritten: a request or an answer then reaches the
 * socket without waking the event loop. Netty still reads, and writes what the socket could not
 * take at once.
 */
final class DirectSocketChannel extends NioSocketChannel {

    /** A channel for a connection this side opens. */
    DirectSocketChannel() {
    }

    /** A channel for a socket a listening channel accepted. */
    DirectSocketChannel(Channel parent, SocketChannel socket) {
        super(parent, socket);
    }

    /** The non-blocking socket under the channel. */
    SocketChannel socket() {
        return javaChannel();
    }
}
