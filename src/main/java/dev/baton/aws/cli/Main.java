package dev.baton.aws.cli;

public final class Main {
    public static void main(String[] args) {}
}
