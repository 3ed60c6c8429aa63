#!/usr/bin/perl
# mutants.pl - reads the mutant list (mutants.txt) for run.sh.
#
#   mutants.pl LIST list             one line per mutant: ID FILE TESTS...
#   mutants.pl LIST check SRCDIR     every pattern occurs exactly once in
#                                    its file under SRCDIR (else names the
#                                    mutants that do not, exits 1)
#   mutants.pl LIST apply SRCDIR ID  applies mutant ID to its file
#   mutants.pl LIST show ID          prints the mutant: file, - and + lines
#
# The list is records separated by blank lines, each of lines "key: value"
# with the keys id, file, from, to, tests and why; lines starting with #
# are comments.  In from and to, \n stands for a newline and \t for a tab
# (for a pattern that must reach over a line); leading and trailing blanks
# of a value are dropped.
use strict;
use warnings;

my ($list, $cmd, @args) = @ARGV;
die "usage: $0 LIST list|check SRCDIR|apply SRCDIR ID|show ID\n"
  unless defined $cmd;

open my $fh, '<', $list or die "$list: $!\n";
my (@mutants, %seen, $cur);
my $line = 0;
sub finish {
  return unless $cur;
  for my $k (qw(id file from to tests why)) {
    die "$list: mutant ending at line $line has no $k\n"
      unless defined $cur->{$k} && length $cur->{$k};
  }
  die "$list: mutant $cur->{id} is listed twice\n" if $seen{$cur->{id}}++;
  die "$list: mutant $cur->{id}: from and to are the same\n"
    if $cur->{from} eq $cur->{to};
  push @mutants, $cur;
  undef $cur;
}
while (<$fh>) {
  $line++;
  chomp;
  next if /^#/;
  if (/^\s*$/) { finish (); next; }
  /^(\w+):\s*(.*?)\s*$/ or die "$list:$line: not a \"key: value\" line\n";
  my ($k, $v) = ($1, $2);
  die "$list:$line: unknown key $k\n" unless $k =~ /^(id|file|from|to|tests|why)$/;
  die "$list:$line: $k given twice\n" if $cur && exists $cur->{$k};
  if ($k eq 'from' || $k eq 'to') {
    $v =~ s/\\n/\n/g;
    $v =~ s/\\t/\t/g;
  }
  $cur->{$k} = $v;
}
$line++;
finish ();
close $fh;

sub slurp {
  my ($path) = @_;
  open my $in, '<', $path or return undef;
  local $/;
  my $s = <$in>;
  close $in;
  return $s;
}

sub count {
  my ($s, $pat) = @_;
  my $n = 0;
  $n++ while $s =~ /\Q$pat\E/g;
  return $n;
}

sub find {
  my ($id) = @_;
  for my $m (@mutants) { return $m if $m->{id} eq $id; }
  die "no mutant $id in $list\n";
}

if ($cmd eq 'list') {
  print "$_->{id} $_->{file} $_->{tests}\n" for @mutants;
} elsif ($cmd eq 'check') {
  my ($src) = @args;
  my $bad = 0;
  for my $m (@mutants) {
    my $s = slurp ("$src/$m->{file}");
    my $n = defined $s ? count ($s, $m->{from}) : -1;
    next if $n == 1;
    $bad++;
    print STDERR "mutant $m->{id}: ",
      $n < 0 ? "$m->{file} is missing" : "its pattern occurs $n times in $m->{file}",
      " (it must occur exactly once):\n  $m->{from}\n";
  }
  exit ($bad ? 1 : 0);
} elsif ($cmd eq 'apply') {
  my ($src, $id) = @args;
  my $m = find ($id);
  my $path = "$src/$m->{file}";
  my $s = slurp ($path);
  die "mutant $id: $path is missing\n" unless defined $s;
  my $n = count ($s, $m->{from});
  die "mutant $id: its pattern occurs $n times in $m->{file}, not once\n" unless $n == 1;
  my $i = index ($s, $m->{from});
  substr ($s, $i, length $m->{from}) = $m->{to};
  open my $out, '>', $path or die "$path: $!\n";
  print $out $s;
  close $out or die "$path: $!\n";
} elsif ($cmd eq 'show') {
  my $m = find ($args[0]);
  print "$m->{id} ($m->{file}): $m->{why}\n  - $m->{from}\n  + $m->{to}\n";
} else {
  die "$0: unknown command $cmd\n";
}
